package server

import (
	"html/template"
	"net/http"
	"slices"
	"time"

	"jobnet/server/mail"
)

// /dev/post is a developer's tool of the demo, not a page of the portal:
// the mails the in-process sink received (`make run` without
// JOBNET_SMTP_URL), newest first, so that a person trying the demo sees
// Jobnet's mail arrive. It is served only when Config.Post is set — the
// demo data loaded and no SMTP server — and is 404 otherwise. It shows
// every citizen's mail to anyone, which is why it exists only in the demo.

// postPage lists the sink's mails; the HTML part is shown in a sandboxed
// iframe (srcdoc: no scripts, no same origin) whose links open in a new
// tab (the portal refuses to be framed), the text part as it is.
var postPage = template.Must(template.New("post").Parse(`<!DOCTYPE html>
<html lang="da">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Post – Jobnet (demo)</title>
<link rel="stylesheet" href="/web/dkfds/css/dkfds.min.css">
</head>
<body>
<main class="container page-container" id="main-content">
<h1>Post</h1>
<p class="font-lead">De e-mails, Jobnet har sendt i denne demo, nyeste først. De er ikke sendt videre: en lokal postkasse i serveren har taget imod dem.</p>
{{- if not .Mails}}
<p>Ingen e-mails endnu.</p>
{{- end}}
{{- range .Mails}}
<article class="mt-7">
<h2 class="h3">{{.Subject}}</h2>
<dl>
<dt>Modtaget</dt><dd><time datetime="{{.At.Format "2006-01-02T15:04:05Z07:00"}}">{{.At.Format "02.01.2006 15:04:05"}}</time></dd>
<dt>Til</dt><dd>{{range $i, $to := .To}}{{if $i}}, {{end}}{{$to}}{{end}}</dd>
<dt>Message-ID</dt><dd>{{.MessageID}}</dd>
{{- with .Header.Get "List-Unsubscribe"}}
<dt>List-Unsubscribe</dt><dd>{{.}}</dd>
{{- end}}
</dl>
<h3 class="h5">HTML</h3>
<iframe sandbox="allow-popups allow-popups-to-escape-sandbox" title="{{.Subject}} (HTML)" srcdoc="&lt;base target=&quot;_blank&quot;&gt;{{.HTML}}" style="width:100%;max-width:640px;height:420px;border:1px solid #ccc"></iframe>
<h3 class="h5">Tekst</h3>
<pre style="white-space:pre-wrap;max-width:640px">{{.Text}}</pre>
</article>
{{- end}}
</main>
</body>
</html>
`))

// handleDevPost: GET /dev/post — the demo's mails (see above).
func (s *Server) handleDevPost(w http.ResponseWriter, r *http.Request) {
	if s.cfg.Post == nil {
		http.NotFound(w, r)
		return
	}
	mails := s.cfg.Post.Received()
	slices.Reverse(mails)
	for i := range mails {
		mails[i].At = mails[i].At.In(s.location())
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	if err := postPage.Execute(w, struct{ Mails []mail.Received }{mails}); err != nil {
		s.log.Error("/dev/post", "err", err)
	}
}

func (s *Server) location() *time.Location {
	if s.cfg.Location != nil {
		return s.cfg.Location
	}
	return time.Local
}
