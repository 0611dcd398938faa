// Package browsertest drives the real portal in a real browser: the server
// runs in-process on a fresh PostgreSQL database with the demo data, and
// Chromium (through chromedp) loads the WebAssembly app from ../../web, so
// `make build` must have run first. Each scenario runs at a desktop and a
// phone width; axe-core checks every page against WCAG 2.1 A and AA.
//
// One Chromium serves the whole package. Every subtest gets its own tab in
// its own browser context (its own cookies and storage), so subtests run in
// parallel without seeing each other's sessions.
package browsertest

import (
	"cmp"
	"flag"
	"runtime"
	"strconv"
	"testing"
	"time"

	"jobnet/server/dbtest"
)

func TestMain(m *testing.M) {
	// A scenario spends most of its time waiting, for the browser or (the
	// countdown) for the clock, so run at least 4 at once where -parallel
	// defaults to fewer CPUs. An explicit -parallel still wins: the command
	// line is parsed after this.
	_ = flag.Set("test.parallel", strconv.Itoa(max(4, runtime.GOMAXPROCS(0))))
	dbtest.Main(m)
}

// width is a viewport the scenarios run at.
type width struct {
	name          string
	width, height int64
	mobile        bool
}

var widths = []width{
	{name: "desktop", width: 1280, height: 900},
	{name: "phone", width: 375, height: 812, mobile: true},
}

// TestBrowser runs every scenario in one browser. The scenarios are
// subtests, not top-level tests, so that the browser and the portal are
// shut down (and Chromium's profile directory removed) when the last of
// them is done: TestMain cannot clean up, because dbtest.Main exits.
func TestBrowser(t *testing.T) {
	b := startBrowser(t)

	scenarios := []struct {
		name string
		run  func(t *testing.T, tb *tab)
		idle time.Duration // the portal's idle timeout; 0 is the real 20 minutes
		// ownPortal gives each width a portal of its own, which the
		// scenario may stop (to test offline use).
		ownPortal bool
	}{
		// The countdown first: it waits most of its time, so it starts
		// at once and runs beside the others.
		{"SessionCountdown", testSessionCountdown, 16 * time.Second, false},
		{"BootBeforeWasm", testBootBeforeWasm, 0, false},
		{"BootDemo", testBootDemo, 0, false},
		{"CitizenLogin", testCitizenLogin, 0, false},
		{"FrontPage", testFrontPage, 0, false},
		{"LoginValidation", testLoginValidation, 0, false},
		{"MirrorJobcenter", testMirrorJobcenter, 0, false},
		{"MirrorAkasse", testMirrorAkasse, 0, false},
		{"LoginHistory", testLoginHistory, 0, false},
		{"AccessibilityAnonymous", testAccessibilityAnonymous, 0, false},
		{"AccessibilityCitizen", testAccessibilityCitizen, 0, false},
		{"AccessibilityCaseworker", testAccessibilityCaseworker, 0, false},
		{"ReadAloud", testReadAloud, 0, false},
		{"CountersCitizen", testCountersCitizen, 0, false},
		{"CountersProjection", testCountersProjection, 0, false},
		{"FindJob", testFindJob, 0, false},
		{"FindJobWIDK", testFindJobWIDK, 0, false},
		{"FindJobLongText", testFindJobLongText, 0, false},
		{"CountersSupplerende", testCountersSupplerende, 0, false},
		{"CountersCaseworker", testCountersCaseworker, 0, false},
		{"Counters225", testCounters225, 0, false},
		{"MinPlan", testMinPlan, 0, false},
		{"MinPlanAKasse", testMinPlanAKasse, 0, false},
		{"MinPlanNotices", testMinPlanNotices, 0, true},
		{"MinPlanChanges", testMinPlanChanges, 0, true},
		{"EducationOrder", testEducationOrder, 0, true},
		{"EducationWishes", testEducationWishes, 0, true},
		{"EducationOrderMirror", testEducationOrderMirror, 0, false},
		{"CountersDemoOffline", testCountersDemoOffline, 0, true},
		{"JobSeeking", testJobSeeking, 0, true},
		{"SavedJobs", testSavedJobs, 0, true},
		{"SavedJobsMirror", testSavedJobsMirror, 0, false},
		{"Joblog", testJoblog, 0, true},
		{"Messages", testMessages, 0, true},
		{"MessageAttachments", testMessageAttachments, 0, true},
		{"Calendar", testCalendar, 0, true},
		{"CV", testCV, 0, true},
		{"JoblogDocuments", testJoblogDocuments, 0, true},
		{"JoblogFromTeaser", testJoblogFromTeaser, 0, true},
		{"JoblogMap", testJoblogMap, 0, false},
		{"Screening", testScreening, 0, true},
		{"MinSag", testMinSag, 0, true},
		{"Meetings", testMeetings, 0, true},
		{"Invitation", testInvitation, 0, true},
		{"BookingKeyboard", testBookingKeyboard, 0, true},
		{"BookingRebook", testBookingRebook, 0, true},
		{"BookingAKasse", testBookingAKasse, 0, true},
		{"DataExport", testDataExport, 0, false},
		{"Fravaer", testFravaer, 0, true},
		{"FravaerAKasse", testFravaerAKasse, 0, false},
		{"Historik", testHistorik, 0, true},
		{"Enrolment", testEnrolment, 0, true},
		{"ProfileMirror", testProfileMirror, 0, false},
	}
	// Scenarios that read the portal's mails on /dev/post: each width gets
	// a portal of its own whose job queue works (startPostPortal).
	postScenarios := []struct {
		name string
		run  func(t *testing.T, tb *tab)
	}{
		{"JobAgent", testJobAgent},
		{"Profile", testProfile},
	}
	// Scenarios with a journey planner (the test's stand-in): each width
	// gets a portal of its own with it.
	for _, sc := range []struct {
		name string
		run  func(t *testing.T, tb *tab)
	}{
		{"JoblogTravel", testJoblogTravel},
	} {
		t.Run(sc.name, func(t *testing.T) {
			t.Parallel()
			for _, w := range widths {
				t.Run(w.name, func(t *testing.T) {
					t.Parallel()
					sc.run(t, b.newTab(t, startJourneyPortal(t), w))
				})
			}
		})
	}
	for _, sc := range postScenarios {
		t.Run(sc.name, func(t *testing.T) {
			t.Parallel()
			for _, w := range widths {
				t.Run(w.name, func(t *testing.T) {
					t.Parallel()
					sc.run(t, b.newTab(t, startPostPortal(t, 20*time.Minute), w))
				})
			}
		})
	}
	// The scenarios that share an idle timeout share a portal.
	portals := map[time.Duration]*portal{}
	for _, sc := range scenarios {
		idle := cmp.Or(sc.idle, 20*time.Minute)
		if portals[idle] == nil {
			portals[idle] = startPortal(t, idle)
		}
		p := portals[idle]
		t.Run(sc.name, func(t *testing.T) {
			t.Parallel()
			for _, w := range widths {
				t.Run(w.name, func(t *testing.T) {
					t.Parallel()
					p := p
					if sc.ownPortal {
						p = startPortal(t, idle)
					}
					sc.run(t, b.newTab(t, p, w))
				})
			}
		})
	}
}
