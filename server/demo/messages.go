package demo

import (
	"context"
	"maps"
	"slices"
	"strconv"
	"time"

	"jobnet/server/storage"
	"jobnet/shared"
)

// demoMessage is one message in a demo citizen's Beskedbakke, sent
// hoursAgo hours before now; read, it was opened an hour later; answered,
// the citizen answered then too.
type demoMessage struct {
	hoursAgo int
	org      string
	in       storage.MessageIn
	read     bool
	reply    string
	// files: each a one-page PDF of a heading and lines (applicationPDF),
	// by its name.
	files map[string][]string
}

// demoMessages are Mads' and Jonas' messages (issue 13): unread and read,
// one important, three "Kan besvares" (one answered), one from the a-kasse
// (which Berit reads whole), an employer's through Jobnet for virksomheder
// and STAR's to a group (whose contents Berit may not read).
var demoMessages = map[string][]demoMessage{
	"120385-1231": {
		{5, "jc-101", storage.MessageIn{Sender: "Sagsbehandler", Subject: "Vil du fortælle os om din jobsøgning?", Answerable: true,
			Body: "Kære Mads\n\nVi vil gerne høre, hvordan det går med din jobsøgning, og om der er noget, vi kan hjælpe dig med inden din næste samtale.\n\nDu kan svare her i beskedbakken.\n\nVenlig hilsen\nJobcenter København"}, false, "", nil},
		{30, "ak-dfh", storage.MessageIn{Sender: "Sagsbehandler", Subject: "Forslag til Min Plan", Parties: []string{"jc-101"},
			Body: "Kære Mads\n\nVi foreslår, at du tager et kursus i vådrumsmembraner, så du kan søge flere job som rørlægger. Forslaget er sendt til dit jobcenter, som kan tilføje det til Min Plan.\n\nVenlig hilsen\nDet Faglige Hus A-kasse"}, false, "", nil},
		{24 * 6, "jc-101", storage.MessageIn{Sender: "Jobkonsulent", Subject: "Husk at opdatere dit CV", Important: true,
			Body: "Kære Mads\n\nDit CV skal være opdateret, så arbejdsgivere kan finde dig. Gå til Mit CV og tjek, at dine kontaktoplysninger og din erhvervserfaring er rigtige.\n\nVenlig hilsen\nJobcenter København"}, true, "", nil},
		{24 * 12, "jc-101", storage.MessageIn{Sender: "Sagsbehandler", Subject: "Kan du deltage i et jobtræf?", Answerable: true,
			Body: "Kære Mads\n\nJobcentret holder jobtræf for bygge- og anlægsbranchen. Vil du deltage? Programmet er vedhæftet.\n\nVenlig hilsen\nJobcenter København"},
			true, "Ja tak, jeg vil gerne deltage.", map[string][]string{"Program for jobtræf.pdf": {
				"Jobtræf for bygge- og anlægsbranchen",
				"Jobcenter København, Kalvebod Brygge 45, 1560 København V.",
				"Kl. 9.30: Velkomst. Kl. 10.00: Virksomhederne præsenterer sig. Kl. 11.00: Korte samtaler med virksomhederne.",
				"Tag dit CV med. Du kan tilmelde dig ved at svare på beskeden i Min beskedbakke.",
			}}},
		{24 * 9, "star", storage.MessageIn{Sender: "Rekrutteringsansvarlig", Subject: "Vi har set dit CV", Answerable: true,
			Employer: &shared.MessageEmployer{CVR: "31415926", Name: "Nordhavn VVS ApS"},
			Body:     "Kære Mads\n\nVi har fundet dit CV på Jobnet og søger en rørlægger til renovering af boliger i Nordhavn. Har du lyst til at komme til en uforpligtende samtale?\n\nDu kan svare her i beskedbakken.\n\nVenlig hilsen\nNordhavn VVS ApS"}, true, "", nil},
		{24 * 45, "star", storage.MessageIn{Sender: "Styrelsen for Arbejdsmarked og Rekruttering", Subject: "Nye regler for din jobsøgning",
			Body: "Fra næste måned skal alle dagpengemodtagere registrere deres jobsøgning i Joblog på Jobnet. Læs mere på info.jobnet.dk."}, true, "", nil},
	},
	"250899-1357": {
		{24 * 45, "star", storage.MessageIn{Sender: "Styrelsen for Arbejdsmarked og Rekruttering", Subject: "Nye regler for din jobsøgning",
			Body: "Fra næste måned skal alle dagpengemodtagere registrere deres jobsøgning i Joblog på Jobnet. Læs mere på info.jobnet.dk."}, false, "", nil},
	},
}

// seedMessages gives the demo citizens their messages, once: a citizen
// with any message keeps what is there.
func seedMessages(ctx context.Context, store *storage.Store, now time.Time) error {
	for cpr, msgs := range demoMessages {
		who, err := store.CitizenByCPR(ctx, shared.CPR(cpr))
		if err != nil {
			return err
		}
		c := store.Citizen(who.ID)
		have, err := c.Messages(ctx)
		if err != nil || len(have.Messages) > 0 {
			if err != nil {
				return err
			}
			continue
		}
		for i, m := range msgs {
			at := now.Add(-time.Duration(m.hoursAgo) * time.Hour)
			origin := "demo-" + cpr + "-" + strconv.Itoa(i)
			if err := c.IngestMessage(ctx, m.org, origin, m.in, at); err != nil {
				return err
			}
			var files []storage.MessageFile
			for _, name := range slices.Sorted(maps.Keys(m.files)) {
				files = append(files, storage.MessageFile{Name: name, Type: shared.DocPDF, Content: applicationPDF(m.files[name], at)})
			}
			if err := store.StoreMessageFiles(ctx, m.org, origin, files, at); err != nil {
				return err
			}
		}
		box, err := c.Messages(ctx)
		if err != nil {
			return err
		}
		for _, got := range box.Messages {
			for _, m := range msgs {
				if m.in.Subject != got.Subject || !m.read {
					continue
				}
				id, _ := strconv.ParseInt(got.ID, 10, 64)
				opened := got.Sent.Add(time.Hour)
				if _, err := c.MarkMessageRead(ctx, id, opened); err != nil {
					return err
				}
				if m.reply != "" {
					if _, err := c.ReplyToMessage(ctx, id, shared.MessageReplyInput{Text: m.reply}, opened); err != nil {
						return err
					}
				}
			}
		}
	}
	return nil
}
