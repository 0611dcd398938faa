package storage_test

import (
	"context"
	"testing"

	"jobnet/server/storage"
	"jobnet/shared"
)

// TestCVStorage: a CV has no number until its first save, which gives it
// one that stays; the folds' entries are added, kept newest first, edited
// and deleted; a refusal comes at its field; søgbart needs contact data,
// which the citizen (enrolled) cannot remove; another citizen's entry is
// not found.
func TestCVStorage(t *testing.T) {
	ctx := context.Background()
	db, c := oneCitizen(t)
	s := storage.New(db, nil)

	empty, err := c.CV(ctx)
	if err != nil || empty.Number != "" || len(empty.Experience) != 0 || empty.SearchableNow() {
		t.Fatalf("before the first save: %+v %v", empty, err)
	}
	old, err := c.AddCVEntry(ctx, shared.CVEntryInput{Section: shared.CVExperience, Title: "Serveringsmedarbejder", Organisation: "Café Ø",
		From: "1/2002", To: "01/2004"}, now)
	if err != nil || old.From != "01/2002" {
		t.Fatalf("added %+v %v", old, err)
	}
	first, _ := c.CV(ctx)
	if first.Number == "" {
		t.Fatal("no CV number after the first save")
	}
	if _, err := c.AddCVEntry(ctx, shared.CVEntryInput{Section: shared.CVExperience, Title: "Opvasker", Organisation: "Kroen",
		From: "13/2004", To: "01/2016"}, now); shared.ErrorCodeOf(err) != shared.EInvalid ||
		err.(*shared.Error).FieldMessage(shared.FieldCVFrom) != "Måneden skal være fra 01 til 12." {
		t.Errorf("month 13: %v", err)
	}
	newer, err := c.AddCVEntry(ctx, shared.CVEntryInput{Section: shared.CVExperience, Title: "Opvasker", Organisation: "Kroen",
		From: "01/2004", To: "01/2016"}, now)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.AddCVEntry(ctx, shared.CVEntryInput{Section: shared.CVQualification, Title: "Hygiejnebevis"}, now); err != nil {
		t.Fatal(err)
	}
	cv, _ := c.CV(ctx)
	if cv.Number != first.Number || len(cv.Experience) != 2 || cv.Experience[0].ID != newer.ID || len(cv.Qualifications) != 1 {
		t.Errorf("CV %+v", cv)
	}

	// Edited: the period becomes ongoing; the fold stays the entry's.
	edit := newer.CVEntryInput
	edit.Ongoing, edit.To = true, "05/2016"
	if e, err := c.UpdateCVEntry(ctx, newer.ID, edit, now); err != nil || e.To != "" || e.PeriodText() != "01/2004 - Nuværende" {
		t.Errorf("edited %+v %v", e, err)
	}
	moved := edit
	moved.Section = shared.CVEducation
	if _, err := c.UpdateCVEntry(ctx, newer.ID, moved, now); shared.ErrorCodeOf(err) != shared.ENotFound {
		t.Errorf("moved to another fold: %v", err)
	}

	// Søgbart needs contact data; enrolled, the citizen must keep one.
	if _, err := c.SaveCVSettings(ctx, shared.CVSettings{Searchable: true}, shared.EnrolmentAfmeldt, now); err.(*shared.Error).FieldMessage(shared.FieldCVSearchable) != shared.MsgCVSearchableNeedsContact {
		t.Errorf("searchable without contact: %v", err)
	}
	if _, err := c.SaveCVSettings(ctx, shared.CVSettings{}, shared.EnrolmentTilmeldt, now); err.(*shared.Error).FieldMessage(shared.FieldCVPhone) != shared.MsgCVContactRequired {
		t.Errorf("enrolled without contact: %v", err)
	}
	saved, err := c.SaveCVSettings(ctx, shared.CVSettings{Searchable: true, Phone: "12 34 56 78", Languages: []shared.CVLanguage{{Language: "Dansk", Level: "modersmaal"}},
		Licences: []string{"B"}}, shared.EnrolmentTilmeldt, now)
	if err != nil || !saved.SearchableNow() || saved.Number != first.Number || len(saved.Languages) != 1 || saved.Licences[0] != "B" {
		t.Errorf("saved %+v %v", saved, err)
	}
	// The database holds the rule too.
	if _, err := db.ExecContext(ctx, `UPDATE cvs SET phone = '' WHERE citizen_id = ?`, c.ID()); err == nil {
		t.Error("the database let a searchable CV lose its contact data")
	}

	if err := c.DismissCVLinkNudge(ctx, now); err != nil {
		t.Fatal(err)
	}
	if cv, _ := c.CV(ctx); !cv.LinkNudgeDismissed || cv.ShowLinkNudge() {
		t.Errorf("nudge %+v", cv)
	}

	if err := c.DeleteCVEntry(ctx, old.ID, now); err != nil {
		t.Fatal(err)
	}
	if err := c.DeleteCVEntry(ctx, old.ID, now); shared.ErrorCodeOf(err) != shared.ENotFound {
		t.Errorf("deleted twice: %v", err)
	}
	if err := s.Seed(ctx, storage.Seed{Citizens: []storage.SeedCitizen{{CPR: "020304-1234", Name: "Anden", Jobcenter: "jc-1", Enrolment: shared.EnrolmentAfmeldt}}}, now); err != nil {
		t.Fatal(err)
	}
	other, _ := s.CitizenByCPR(ctx, "020304-1234")
	oc := s.Citizen(other.ID)
	if err := oc.DeleteCVEntry(ctx, newer.ID, now); shared.ErrorCodeOf(err) != shared.ENotFound {
		t.Errorf("another citizen deleted the entry: %v", err)
	}
	if ocv, _ := oc.CV(ctx); ocv.Number != "" || len(ocv.Experience) != 0 {
		t.Errorf("the other citizen's CV %+v", ocv)
	}
	// A second CV gets another number.
	if _, err := oc.AddCVEntry(ctx, shared.CVEntryInput{Section: shared.CVQualification, Title: "Kørekort"}, now); err != nil {
		t.Fatal(err)
	}
	if ocv, _ := oc.CV(ctx); ocv.Number == "" || ocv.Number == first.Number {
		t.Errorf("second CV number %q (first %q)", ocv.Number, first.Number)
	}

	// Præsentations-CV.
	if p, err := c.PresentationCV(ctx); err != nil || p.Saved {
		t.Errorf("before saving %+v %v", p, err)
	}
	if _, err := c.SavePresentationCV(ctx, shared.PresentationCV{GoodAt: "x"}, now); shared.ErrorCodeOf(err) != shared.EInvalid {
		t.Errorf("without Om mig: %v", err)
	}
	p, err := c.SavePresentationCV(ctx, shared.PresentationCV{About: " Jeg er stabil. ", WishFor: "Lager"}, now)
	if err != nil || !p.Saved || p.CV.About != "Jeg er stabil." {
		t.Errorf("saved %+v %v", p, err)
	}
	p, _ = c.SavePresentationCV(ctx, shared.PresentationCV{About: "Ny tekst"}, now)
	if p.CV.About != "Ny tekst" || p.CV.WishFor != "" {
		t.Errorf("saved again %+v", p)
	}
}

// TestCVOutlivesAccount [003 «Slet min adgang»]: "Ved sletning slettes
// borgers Jobnet account. CV i Jobsearch slettes for nuværende ikke." The
// account's row goes and the CV stays; the citizen's row cannot be deleted
// under a CV (no cascade takes it).
func TestCVOutlivesAccount(t *testing.T) {
	ctx := context.Background()
	db, c := oneCitizen(t)
	if _, err := db.ExecContext(ctx, `INSERT INTO citizen_accounts (citizen_id, username, password_hash, privacy_accepted_at)
		VALUES (?, 'slettes', 'x', now())`, c.ID()); err != nil {
		t.Fatal(err)
	}
	if _, err := c.AddCVEntry(ctx, shared.CVEntryInput{Section: shared.CVQualification, Title: "Svejsecertifikat"}, now); err != nil {
		t.Fatal(err)
	}
	if _, err := c.SavePresentationCV(ctx, shared.PresentationCV{About: "Om mig"}, now); err != nil {
		t.Fatal(err)
	}
	if _, err := db.ExecContext(ctx, `DELETE FROM citizen_accounts WHERE citizen_id = ?`, c.ID()); err != nil {
		t.Fatal(err)
	}
	cv, err := c.CV(ctx)
	if err != nil || cv.Number == "" || len(cv.Qualifications) != 1 {
		t.Errorf("after the account was deleted: %+v %v", cv, err)
	}
	if p, _ := c.PresentationCV(ctx); !p.Saved {
		t.Error("the Præsentations-CV went with the account")
	}
	if _, err := db.ExecContext(ctx, `DELETE FROM citizens WHERE id = ?`, c.ID()); err == nil {
		t.Error("the citizen's row was deleted under a CV")
	}
}
