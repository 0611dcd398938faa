package demo

import (
	"context"
	"time"

	"jobnet/server/storage"
	"jobnet/shared"
)

// Til- og afmelding (SPEC D8): the enrolments behind the demo citizens'
// status of today, as their jobcenter registered them (from their forløb's
// first day, so the data holds on every day), the match groups of the
// rules on who cannot enrol, and Jobcenter København's own receipt texts.
//   - Henrik (afmeldt, ressourceforløb, no a-kasse) may enrol: dagpenge is
//     offered with the hint that he would be enrolled uden ydelse.
//   - Mette, fleksjobvisiteret in match 1, cannot: "registreret i
//     jobcentret, men ikke skal være tilmeldt" (001).
//   - Sofie is a dimittend uden ydelse, switched to dagpenge when the
//     a-kasse reports her dagpengeret.
var demoEnrolments = []struct {
	cpr         string
	benefit     shared.Benefit
	udenYdelse  bool
	fromDays    int
	matchgruppe int
}{
	{"120385-1231", shared.BenefitDagpenge, false, -320, 1},      // Mads
	{"030792-2468", shared.BenefitKontanthjaelp, false, -240, 1}, // Louise
	{"250899-1357", shared.BenefitDagpenge, false, -640, 1},      // Jonas
	{"010190-2802", shared.BenefitKontanthjaelp, false, -180, 1}, // Amina, introduktionsydelse
	{"170600-4123", shared.BenefitDimittend, true, -80, 1},       // Sofie
	{"150307-4455", shared.BenefitKontanthjaelp, false, -200, 1}, // Emil, uddannelseshjælp
	{"220578-2684", "", false, 0, 1},                             // Mette: match 1 only
}

// DemoReceiptTexts are Jobcenter København's own texts on its receipts.
var DemoReceiptTexts = map[shared.Benefit]string{
	shared.BenefitDagpenge:      "Jobcenter København holder informationsmøde for nyledige hver tirsdag kl. 9.30 på Gyldenløvesgade 11. Du får en indkaldelse i din beskedbakke.",
	shared.BenefitKontanthjaelp: "Jobcenter København, Gyldenløvesgade 11, har åbent mandag til fredag kl. 9–14. Medbring legitimation og dit CPR-nummer.",
}

func seedEnrolments(ctx context.Context, store *storage.Store, now time.Time) error {
	today := shared.DateOf(now)
	for _, d := range demoEnrolments {
		who, err := store.CitizenByCPR(ctx, shared.CPR(d.cpr))
		if err != nil {
			return err
		}
		e := shared.Enrolment{Benefit: d.benefit, Ledighed: shared.LedighedHelt, UdenYdelse: d.udenYdelse,
			State: shared.EnrolmentEffective, Period: shared.Period{From: today.AddDays(d.fromDays)},
			RegisteredBy: shared.RegisteredByCaseworker}
		// Registered on its first day, as Historik shows it.
		if err := store.Citizen(who.ID).SeedEnrolment(ctx, e, who.Jobcenter, d.matchgruppe, now.AddDate(0, 0, d.fromDays)); err != nil {
			return err
		}
	}
	for b, text := range DemoReceiptTexts {
		if err := store.SeedEnrolmentReceiptText(ctx, "jc-101", b, text, now); err != nil {
			return err
		}
	}
	return nil
}
