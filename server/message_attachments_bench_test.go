package server

import (
	"context"
	"fmt"
	"testing"

	"github.com/uptrace/bun/dialect/pgdialect"

	"jobnet/server/ingestv1"
)

// BenchmarkIngestGroupMessageWithFile: STAR's message with a 1 MB PDF to a
// group of 1,000 citizens, one request each time (a new message id), over
// loopback. Reported: the time per request, and what one such message
// stores — its rows in messages (one per recipient) and in
// message_attachments (one: the file is kept once, not per recipient),
// and the bytes the two tables grew by. "without-file" is the same
// message without its file, for the file's share of the time.
func BenchmarkIngestGroupMessageWithFile(b *testing.B) {
	env := newTestEnv(b)
	for _, withFile := range []bool{true, false} {
		name := "with-1MB-file"
		if !withFile {
			name = "without-file"
		}
		b.Run(name, func(b *testing.B) { benchGroupMessage(b, env, withFile) })
	}
}

func benchGroupMessage(b *testing.B, env *testEnv, withFile bool) {
	ctx := context.Background()
	var cprs []string
	for i := range 1000 {
		cprs = append(cprs, fmt.Sprintf("%02d%02d9%d-%04d", 1+i%28, 1+(i/28)%12, i/336%10, 5000+i))
	}
	if _, err := env.db.NewRaw(`INSERT INTO citizens (cpr, name, jobcenter_code) SELECT c, 'Gruppe ' || c, 'jc-101' FROM unnest(?::text[]) c
		ON CONFLICT DO NOTHING`, pgdialect.Array(cprs)).Exec(ctx); err != nil {
		b.Fatal(err)
	}
	pdf := append([]byte("%PDF-1.7\n"), make([]byte, 1<<20-9)...)
	size := func(table string) int64 {
		var n int64
		if err := env.db.NewRaw(`SELECT pg_total_relation_size(?::regclass)`, table).Scan(ctx, &n); err != nil {
			b.Fatal(err)
		}
		return n
	}
	count := func(table string) int64 {
		var n int64
		if err := env.db.NewRaw(`SELECT count(*) FROM `+table).Scan(ctx, &n); err != nil {
			b.Fatal(err)
		}
		return n
	}
	msgBytes, fileBytes := size("messages"), size("message_attachments")
	msgRows, fileRows := count("messages"), count("message_attachments")
	c := env.client()
	n := 0
	for b.Loop() {
		n++
		in := ingestv1.Message{MessageID: fmt.Sprintf("bench-%v-%d", withFile, n), CPRs: cprs, Sender: "Styrelsen for Arbejdsmarked og Rekruttering",
			Subject: "Nye regler", Body: "Læs det vedhæftede brev."}
		if withFile {
			in.Attachments = []ingestv1.Attachment{{Name: "regler.pdf", Content: pdf}}
		}
		if r := c.do("POST", "/api/ingest/v1/messages", in, "Authorization", starToken); r.status != 200 {
			b.Fatalf("%d %s", r.status, r.body)
		}
	}
	per := func(v int64) float64 { return float64(v) / float64(n) }
	b.ReportMetric(per(count("messages")-msgRows), "message-rows/op")
	b.ReportMetric(per(count("message_attachments")-fileRows), "file-rows/op")
	b.ReportMetric(per(size("messages")-msgBytes)/1e3, "messages-kB/op")
	b.ReportMetric(per(size("message_attachments")-fileBytes)/1e6, "files-MB/op")
}
