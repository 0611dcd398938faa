package browsertest

import (
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"jobnet/server/servertest"
	"jobnet/shared"
)

// testProfile: Brugerprofil (SPEC A3) by keyboard. Mads reaches it from
// his name in the header; a wrong phone is a message at the field with
// what he typed kept; a new e-mail is confirmed with the code mailed to it
// (read on /dev/post), a wrong code first; a temporary address of 91 days
// is refused at its end date; the username changes without a password,
// the password not without the old one; the campaigns are chosen; "Slet
// min adgang" is not his (enrolled). Henrik (not enrolled) deletes his
// login with his password. axe-core on every sub-page.
func testProfile(t *testing.T, tb *tab) {
	tb.loginCitizen("mads", "Mads Kristensen")
	tb.tabTo("a.jobnet-user-name")
	tb.press(kb.Enter)
	tb.waitPath(shared.PageProfile)
	tb.waitText("h1", shared.ProfileContactTitle)
	tb.waitApp()
	tb.waitUntil("the form holds the demo's address", `(document.getElementById("profil-email") || {}).value === "mads.kristensen@example.dk"`)
	tb.checkA11y("Brugerprofil, Personlige oplysninger")
	tb.screenshot("profil-personlige-oplysninger")

	// A wrong phone: the message at the field, the text kept.
	tb.clearInput("#profil-phone")
	tb.typeInto("#profil-phone", "1234")
	tb.press(kb.Enter)
	tb.waitText("#profil-phone-error", shared.MsgPhoneInvalid)
	if v := tb.value("#profil-phone"); v != "1234" {
		t.Errorf("the phone field holds %q after the message, want what was typed", v)
	}
	tb.checkA11y("Brugerprofil, a message at the field")

	// A new e-mail: the code form, and the mail with the code.
	tb.clearInput("#profil-phone")
	tb.typeInto("#profil-phone", "20 30 40 50")
	tb.clearInput("#profil-email")
	tb.typeInto("#profil-email", "mads.ny@example.dk")
	tb.tabTo("#profil-contact-save")
	tb.press(kb.Enter)
	tb.waitUntil("the code field has the focus", `document.activeElement && document.activeElement.id === "profil-code"`)
	tb.waitText("#profil-code-form", "mads.ny@example.dk")
	code := tb.mailedCode("mads.ny@example.dk")
	tb.open(shared.PageProfile)
	tb.waitApp()
	tb.waitText("#profil-code-form", "mads.ny@example.dk")
	wrong := "000000"
	if code == wrong {
		wrong = "111111"
	}
	tb.typeInto("#profil-code", wrong+kb.Enter)
	tb.waitText("#profil-code-error", shared.MsgCodeWrong)
	if v := tb.value("#profil-code"); v != wrong {
		t.Errorf("the code field holds %q after the message", v)
	}
	tb.clearInput("#profil-code")
	tb.typeInto("#profil-code", code+kb.Enter)
	tb.waitText("#profil-email-confirmed", "Bekræftet e-mailadresse: mads.ny@example.dk")
	tb.waitGone("#profil-code-form")

	// The temporary address: 91 days is refused at its end date.
	tb.typeInto("#profil-street", "Sommerhusvej 3")
	tb.typeInto("#profil-postcode", "3250")
	tb.typeInto("#profil-city", "Gilleleje")
	// The portal's day (its clock is pinned), not the browser's.
	today := shared.DateOf(clock().In(servertest.Copenhagen))
	tb.setDate("profil-from", today)
	tb.setDate("profil-to", today.AddDays(shared.TempAddressMaxDays+1))
	tb.tabTo("#profil-address-save")
	tb.press(kb.Enter)
	tb.waitText("#profil-to-error", shared.MsgTempAddressLong)
	if v := tb.value("#profil-street"); v != "Sommerhusvej 3" {
		t.Errorf("the street holds %q after the message", v)
	}
	tb.setDate("profil-to", today.AddDays(30))
	tb.tabTo("#profil-address-save")
	tb.press(kb.Enter)
	tb.waitText(".jobnet-profil .alert-success", "Din midlertidige adresse er gemt.")
	tb.checkA11y("Brugerprofil, with a temporary address")

	// Brugernavn og adgangskode, through the side menu.
	tb.tabTo(`a[href="` + shared.PageProfileAccount + `"]`)
	tb.press(kb.Enter)
	tb.waitPath(shared.PageProfileAccount)
	tb.waitText("h1", shared.ProfileAccountTitle)
	tb.waitUntil("the username is shown", `(document.getElementById("profil-username") || {}).value === "mads"`)
	tb.checkA11y("Brugerprofil, Brugernavn og adgangskode")
	tb.clearInput("#profil-username")
	tb.typeInto("#profil-username", "mads.k"+kb.Enter)
	tb.waitText("#profil-username-form", "Dit brugernavn er ændret.")
	tb.typeInto("#profil-old-password", "forkert-kodeord")
	tb.typeInto("#profil-new-password", "et-nyt-kodeord-2026")
	tb.typeInto("#profil-repeat-password", "et-nyt-kodeord-2026"+kb.Enter)
	tb.waitText("#profil-old-password-error", shared.MsgOldPassword)
	if v := tb.value("#profil-new-password"); v != "et-nyt-kodeord-2026" {
		t.Error("the new password was lost at the message")
	}

	// Få besked: Møder og pligter by e-mail and SMS.
	tb.open(shared.PageProfileNotices)
	tb.waitText("h1", shared.ProfileNoticesTitle)
	tb.waitApp()
	tb.waitText("#profil-notices-email", "mads.ny@example.dk")
	tb.tabTo("#profil-moeder-og-pligter-email")
	tb.press(" ")
	tb.tabTo("#profil-moeder-og-pligter-sms")
	tb.press(" ")
	tb.tabTo("#profil-notices-save")
	tb.press(kb.Enter)
	tb.waitText("#profil-notices-form", "Dine valg er gemt.")
	tb.checkA11y("Brugerprofil, Få besked")

	// Slet min adgang is not for the enrolled.
	tb.open(shared.PageProfileDelete)
	tb.waitApp()
	tb.waitText("#profil-delete-enrolled", "Du er tilmeldt som ledig")
	tb.checkA11y("Brugerprofil, Slet min adgang (tilmeldt)")
	tb.click("button.jobnet-logout")
	tb.waitPath("/log-ind")

	// Henrik is not enrolled: his password, then his login is gone.
	tb.loginCitizen("henrik", "Henrik Poulsen")
	tb.open(shared.PageProfileDelete)
	tb.waitApp()
	tb.waitText("#profil-delete-intro", "Dit CV slettes ikke.")
	tb.checkA11y("Brugerprofil, Slet min adgang")
	tb.typeInto("#profil-delete-password", "forkert-kodeord"+kb.Enter)
	tb.waitText("#profil-delete-password-error", shared.MsgDeletePassword)
	tb.clearInput("#profil-delete-password")
	tb.typeInto("#profil-delete-password", "jobnet-demo-2026"+kb.Enter)
	tb.waitPath("/log-ind")
	tb.open("/log-ind")
	tb.login("#login-form", "henrik")
	tb.waitText("div.alert.alert-error", "Brugernavn eller adgangskode er forkert.")
}

// mailedCode reads the code of the newest confirmation mail to the
// address on /dev/post.
func (tb *tab) mailedCode(to string) string {
	tb.t.Helper()
	mine := `[...document.querySelectorAll("article")].find(a => a.textContent.includes(` + js(to) + `) && a.querySelector("h2").textContent.includes("Bekræft din e-mailadresse"))`
	// The job queue sends the mail a moment after the save: /dev/post is
	// a plain page, read again until it shows.
	for i := 0; ; i++ {
		tb.do("open /dev/post", chromedp.Navigate(tb.base+"/dev/post"))
		if eval[bool](tb, "look for the code's mail", mine+` !== undefined`) {
			break
		}
		if i == 60 {
			tb.t.Fatalf("no mail to %s on /dev/post", to)
		}
		time.Sleep(250 * time.Millisecond)
	}
	text := eval[string](tb, "read the code's mail", mine+`.querySelector("pre").textContent`)
	code := regexp.MustCompile(`\b[0-9]{6}\b`).FindString(text)
	if code == "" || !strings.Contains(text, "Koden gælder i 30 minutter") {
		tb.t.Fatalf("no code in the mail:\n%s", text)
	}
	return code
}

// testProfileMirror: the jobcenter's caseworker sees Mads's profile
// without forms; the a-kasse's is refused it whole (issue 14).
func testProfileMirror(t *testing.T, tb *tab) {
	tb.loginCaseworker("nina")
	tb.mirror(cprMads)
	tb.waitMirrorOf("Mads Kristensen")
	if n := eval[int](tb, "look for the profile link", `document.querySelectorAll("a.jobnet-user-name").length`); n != 0 {
		t.Errorf("the caseworker's own name leads to a profile")
	}
	tb.open(shared.PageProfile)
	tb.waitApp()
	tb.waitText("#profil-readonly", "Du kan se borgerens brugerprofil, men ikke ændre den.")
	tb.waitText("#profil-readonly", "mads.kristensen@example.dk")
	if n := eval[int](tb, "look for forms", `document.querySelectorAll(".jobnet-profil form").length`); n != 0 {
		t.Errorf("the jobcenter's caseworker gets %d forms", n)
	}
	tb.checkA11y("Brugerprofil, the jobcenter's view")

	tb.clickButton("Skift til anden borger")
	tb.waitPath("/sagsbehandleradgang")
	tb.click("button.jobnet-logout")
	tb.loginCaseworker("berit")
	tb.mirror(cprMads)
	tb.waitMirrorOf("Mads Kristensen")
	tb.open(shared.PageProfileNotices)
	tb.waitApp()
	tb.waitText("div.alert-error", shared.MsgNoAccessProfile)
	if eval[bool](tb, "look for the address", `document.body.innerText.includes("mads.kristensen@example.dk")`) {
		t.Errorf("the a-kasse sees the profile's e-mail")
	}
}
