package shared

import (
	"strings"
)

// Brugerprofil (SPEC A3; FEATURES.md 7.2; 003 «Brugerprofil»): "som man
// tilgår ved at klikke på brugerens navn i headeren", with "4
// underpunkter": Personlige oplysninger, Brugernavn og adgangskode, Få
// besked på SMS og/eller email, Slet min adgang. The a-kasse is shown
// none of it (WithheldBrugerprofil); the jobcenter sees the pages
// read-only, without the username (a half of the citizen's login).
//
// Decisions where the sources are silent (also in the README):
//   - Contact data and the CV's own phone and e-mail (table cvs) are two
//     things: the profile's is how Jobnet and the jobcenter reach the
//     citizen (and where "Få besked" sends), the CV's is what employers
//     are shown. The CV keeps its own fields and its own rule (a
//     søgbart CV needs one of them, migration 018). The profile's rule is
//     003's: "for ledige er angivelse af en eller flere
//     kontaktinformationer obligatorisk" — an enrolled citizen cannot
//     leave both the phone and the confirmed e-mail empty.
//   - The e-mail code: EmailCodeDigits digits, valid EmailCodeLifetime,
//     EmailCodeMaxAttempts wrong tries; a new code makes the earlier one
//     void; a used code is spent.
//   - The temporary address may not have ended already (its end is today
//     or later): an address that has ended is no longer one to reach the
//     citizen at.

// API paths of Brugerprofil. APIProfile is the a-kasse's withheld path.
const (
	APIProfile             = "/api/profil"
	APIProfileContact      = "/api/profil/kontakt"
	APIProfileEmailConfirm = "/api/profil/kontakt/bekraeft"
	APIProfileAddress      = "/api/profil/midlertidig-adresse"
	APIProfileUsername     = "/api/profil/brugernavn"
	APIProfilePassword     = "/api/profil/adgangskode"
	APIProfileNotices      = "/api/profil/beskeder"
	APIProfileDelete       = "/api/profil/slet"
)

// Page paths of Brugerprofil: the profile's own path is the first
// sub-page.
const (
	PageProfile         = "/brugerprofil"
	PageProfileAccount  = "/brugerprofil/brugernavn-og-adgangskode"
	PageProfileNotices  = "/brugerprofil/faa-besked"
	PageProfileDelete   = "/brugerprofil/slet-min-adgang"
	ProfileTitle        = "Brugerprofil"
	ProfileContactTitle = "Personlige oplysninger"
	ProfileAccountTitle = "Brugernavn og adgangskode"
	ProfileNoticesTitle = "Få besked på SMS og/eller e-mail"
	ProfileDeleteTitle  = "Slet min adgang"
)

// TempAddressMaxDays: "Slutdato må maksimalt være 90 dage efter startdato"
// (003 «Brugerprofil»).
const TempAddressMaxDays = 90

// The e-mail code (003: "ved angivelse af denne fremsendes en kode, som
// borger skal indtaste for at verificere sig som e-mailadressens ejer").
// Its format, lifetime and tries are not in the sources (FEATURES 7.2):
// six digits are what a person types from a mail on a phone; 30 minutes
// covers a slow mail; five wrong tries leave a guesser a chance of 5 in a
// million per code.
const (
	EmailCodeDigits      = 6
	EmailCodeLifetimeMin = 30
	EmailCodeMaxAttempts = 5
)

// Field names of the profile's forms.
const (
	FieldProfileEmail    = "email"
	FieldProfilePhone    = "phone"
	FieldProfileCode     = "code"
	FieldAddressStreet   = "street"
	FieldAddressPostcode = "postcode"
	FieldAddressCity     = "city"
	FieldAddressFrom     = "from"
	FieldAddressTo       = "to"
	FieldUsername        = "username"
	FieldOldPassword     = "old_password"
	FieldNewPassword     = "password"
	FieldPasswordRepeat  = "password_repeat"
	FieldNoticesSMS      = "sms"
	FieldNoticesEmail    = "email"
	FieldDeletePassword  = "password"
)

// Messages of the profile.
const (
	MsgContactRequired = "Du er tilmeldt som ledig og skal kunne kontaktes. Skriv et telefonnummer eller en e-mailadresse."
	MsgPhoneInvalid    = "Skriv et dansk telefonnummer med 8 cifre, fx 12 34 56 78."
	MsgEmailCodeSent   = "Vi har sendt en kode til din nye e-mailadresse. Skriv koden herunder for at bekræfte adressen."
	MsgCodeWrong       = "Koden er forkert. Tjek koden i e-mailen, og prøv igen."
	MsgCodeExpired     = "Koden er udløbet. Gem din e-mailadresse igen for at få en ny kode."
	MsgCodeUsed        = "Koden er allerede brugt. Gem din e-mailadresse igen for at få en ny kode."
	MsgCodeNone        = "Der er ingen e-mailadresse, der venter på at blive bekræftet."
	MsgCodeFormat      = "Koden er 6 cifre."
	MsgOldPassword     = "Den nuværende adgangskode er forkert."
	MsgDeletePassword  = "Adgangskoden er forkert."
	// 003 «Slet min adgang»: "Er man ledig, er det et krav at man er på
	// Jobnet. Derfor vil menupunktet ikke være tilgængelig for ledige."
	MsgDeleteEnrolled   = "Du er tilmeldt som ledig, og det er et krav, at du er på Jobnet. Derfor kan du ikke slette din adgang."
	MsgNoticeNeedsEmail = "Du skal have en bekræftet e-mailadresse under Personlige oplysninger for at få besked på e-mail."
	MsgNoticeNeedsPhone = "Dit mobilnummer skal være registreret hos NemSMS, før du kan få besked på SMS."
	MsgTempAddressLong  = "Slutdatoen må højst være 90 dage efter startdatoen."
	MsgTempAddressEnded = "Slutdatoen er overskredet. En midlertidig adresse skal gælde i dag eller senere."
)

// Campaign is one of the four kinds of message of "Få besked på SMS
// og/eller email" (003: "Beskeder er på jobnet inddelt i 4 forskellige
// segmenter eller kampagner"); Key is how table mail_subscriptions names it.
type Campaign struct {
	Key   string `json:"key"`
	Label string `json:"label"`
}

// Campaigns are the four, in 003's order and words.
var Campaigns = []Campaign{
	{Key: "moeder-og-pligter", Label: "Møder og pligter"},
	{Key: "beskeder", Label: "Beskeder fra arbejdsgiver og sagsbehandler"},
	{Key: "gode-raad", Label: "Gode råd til jobsøgning og uddannelse"},
	{Key: "undersoegelser", Label: "Undersøgelser og feedback"},
}

// CampaignByKey is the campaign named key.
func CampaignByKey(key string) (Campaign, bool) {
	for _, c := range Campaigns {
		if c.Key == key {
			return c, true
		}
	}
	return Campaign{}, false
}

// Subscription is the channels a citizen gets one campaign on.
type Subscription struct {
	Campaign string `json:"campaign"`
	Email    bool   `json:"email"`
	SMS      bool   `json:"sms"`
}

// TempAddress is a temporary address with its start and end.
type TempAddress struct {
	Street   string `json:"street"`
	Postcode string `json:"postcode"`
	City     string `json:"city"`
	From     Date   `json:"from"`
	To       Date   `json:"to"`
}

// Profile is Brugerprofil as the pages show it.
type Profile struct {
	Name string `json:"name"`
	// Email is the confirmed address, the only one anything but the code
	// is sent to; PendingEmail the one waiting for its code.
	Email        string       `json:"email"`
	PendingEmail string       `json:"pending_email,omitempty"`
	Phone        string       `json:"phone"`
	TempAddress  *TempAddress `json:"temp_address,omitempty"`
	// Username is empty for a caseworker who mirrors the citizen.
	Username      string         `json:"username,omitempty"`
	Enrolled      bool           `json:"enrolled"`
	Subscriptions []Subscription `json:"subscriptions"`
	// SMSVerified: NemSMS knows the phone as the citizen's (the seam,
	// server/sms), so SMS may be chosen.
	SMSVerified bool `json:"sms_verified"`
}

// MayDeleteAccount: "Slet min adgang" is not for enrolled unemployed
// (003 «Slet min adgang»).
func (p Profile) MayDeleteAccount() bool { return !p.Enrolled }

// Subscribed is the citizen's channels for the campaign.
func (p Profile) Subscribed(campaign string) Subscription {
	for _, s := range p.Subscriptions {
		if s.Campaign == campaign {
			return s
		}
	}
	return Subscription{Campaign: campaign}
}

// ContactInput is the form of Kontaktoplysninger.
type ContactInput struct {
	Email string `json:"email" validate:"omitempty,max=254,email"`
	Phone string `json:"phone" validate:"max=20"`
}

// NormalizePhone is a Danish number as eight digits, "+45" and spaces
// dropped; ok is false for anything else. Empty is ok (no phone).
func NormalizePhone(s string) (string, bool) {
	s = strings.NewReplacer(" ", "", "-", "").Replace(strings.TrimSpace(s))
	s = strings.TrimPrefix(strings.TrimPrefix(s, "+45"), "0045")
	if s == "" {
		return "", true
	}
	if len(s) != 8 {
		return "", false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return "", false
		}
	}
	return s, true
}

// Check judges the contact form for a citizen (enrolled or not) whose
// confirmed address is confirmed: an enrolled citizen must keep a phone
// or an e-mail (003: "for ledige er angivelse af en eller flere
// kontaktinformationer obligatorisk"). A new address counts: it is the
// one they are asked to confirm.
func (in ContactInput) Check(enrolled bool) error {
	c, err := checking(in)
	if err != nil {
		return err
	}
	if _, ok := NormalizePhone(in.Phone); !ok {
		c.add(FieldProfilePhone, MsgPhoneInvalid)
	}
	if enrolled && strings.TrimSpace(in.Phone) == "" && strings.TrimSpace(in.Email) == "" {
		c.add(FieldProfilePhone, MsgContactRequired)
	}
	return c.err()
}

// EmailCodeInput is the code from the mail.
type EmailCodeInput struct {
	Code string `json:"code" validate:"required"`
}

// Check: six digits.
func (in EmailCodeInput) Check() error {
	c, err := checking(in)
	if err != nil {
		return err
	}
	code := strings.TrimSpace(in.Code)
	ok := len(code) == EmailCodeDigits
	for _, r := range code {
		ok = ok && r >= '0' && r <= '9'
	}
	if !ok {
		c.add(FieldProfileCode, MsgCodeFormat)
	}
	return c.err()
}

// TempAddressInput is the form of the temporary address; its dates as the
// date fields give them (YYYY-MM-DD), so a date that cannot be read is a
// message at its field and not a lost form.
type TempAddressInput struct {
	Street   string `json:"street" validate:"required,max=200"`
	Postcode string `json:"postcode" validate:"required,len=4,numeric"`
	City     string `json:"city" validate:"required,max=100"`
	From     string `json:"from" validate:"required"`
	To       string `json:"to" validate:"required"`
}

// Check judges the address on today: the end no more than
// TempAddressMaxDays after the start (003), not before it, and not
// already past.
func (in TempAddressInput) Check(today Date) (TempAddress, error) {
	c, err := checking(in)
	if err != nil {
		return TempAddress{}, err
	}
	a := TempAddress{Street: strings.TrimSpace(in.Street), Postcode: in.Postcode, City: strings.TrimSpace(in.City)}
	from, ferr := ParseDate(in.From)
	to, terr := ParseDate(in.To)
	if in.From != "" && ferr != nil {
		c.add(FieldAddressFrom, "Skriv en gyldig dato.")
	}
	if in.To != "" && terr != nil {
		c.add(FieldAddressTo, "Skriv en gyldig dato.")
	}
	if ferr == nil && terr == nil {
		switch {
		case to.Before(from):
			c.add(FieldAddressTo, "Slutdatoen må ikke ligge før startdatoen.")
		case to.DaysSince(from) > TempAddressMaxDays:
			c.add(FieldAddressTo, MsgTempAddressLong)
		case to.Before(today):
			c.add(FieldAddressTo, MsgTempAddressEnded)
		}
	}
	a.From, a.To = from, to
	return a, c.err()
}

// UsernameInput changes the username: "Ingen adgangskode nødvendig" (003).
type UsernameInput struct {
	Username string `json:"username" validate:"required,min=3,max=50,username"`
}

// PasswordInput changes the password: "Er man logget ind med brugernavn
// og password, skal man angive sin gamle kode for at ændre til ny" (003).
// Every login of this project is a password login (the MitID seam has no
// provider yet), so the old password is always asked; a NemLog-in session
// will skip it ("kan du angive din nye kode direkte 2 gange").
type PasswordInput struct {
	OldPassword    string `json:"old_password" validate:"required,max=200"`
	Password       string `json:"password" validate:"required,min=10,max=200"`
	PasswordRepeat string `json:"password_repeat" validate:"required,eqfield=Password"`
}

// NoticesInput is the choice of "Få besked på SMS og/eller e-mail".
type NoticesInput struct {
	Subscriptions []Subscription `json:"subscriptions" validate:"required,max=4,dive"`
}

// Check judges the choice against the citizen's profile: e-mail needs a
// confirmed address (003: "der kan kun kommunikeres via Få besked på SMS
// og/eller email, når der er angivet en valid e-mailadresse. En angivet
// e-mailadresse skal bekræftes, før der sendes kommunikation til den"),
// SMS a number NemSMS knows ("NemSMS kræver at borger er registreret med
// et mobilnummer hos NemSMS").
func (in NoticesInput) Check(p Profile) error {
	c, err := checking(in)
	if err != nil {
		return err
	}
	for _, s := range in.Subscriptions {
		if _, ok := CampaignByKey(s.Campaign); !ok {
			c.add("subscriptions", "Ukendt kampagne.")
		}
		if s.Email && p.Email == "" {
			c.add(FieldNoticesEmail, MsgNoticeNeedsEmail)
		}
		if s.SMS && !p.SMSVerified {
			c.add(FieldNoticesSMS, MsgNoticeNeedsPhone)
		}
	}
	return c.err()
}

// DeleteAccountInput is "Slet min adgang": "efter angivelse af
// adgangskode" (003).
type DeleteAccountInput struct {
	Password string `json:"password" validate:"required,max=200"`
}
