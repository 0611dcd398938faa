package demo

import (
	"context"
	"time"

	"jobnet/server/sms"
	"jobnet/server/storage"
	"jobnet/shared"
)

// ProfileEmail is Mads's confirmed e-mail address in the demo; his phone
// is the number the demo's NemSMS knows (sms.DemoVerifiedNumbers), so
// "Få besked på SMS" can be tried with him.
const ProfileEmail = "mads.kristensen@example.dk"

// seedProfile gives Mads, once, the contact details of Brugerprofil (SPEC
// A3): a confirmed e-mail and the NemSMS-verified phone. He subscribes to
// no campaign: the demo sends no mail on its own, and the person trying
// it chooses. It holds on every day: nothing in it is dated.
func seedProfile(ctx context.Context, store *storage.Store, now time.Time) error {
	mads, err := store.CitizenByCPR(ctx, "120385-1231")
	if err != nil {
		return err
	}
	c := store.Citizen(mads.ID)
	p, err := c.Profile(ctx)
	if err != nil || p.Email != "" || p.Phone != "" {
		return err // changed since, or seeded before: left as it is
	}
	if err := c.SetConfirmedEmail(ctx, ProfileEmail, now); err != nil {
		return err
	}
	_, err = c.SetContact(ctx, shared.ContactInput{Email: ProfileEmail, Phone: sms.DemoVerifiedNumbers[0]}, "", now)
	return err
}
