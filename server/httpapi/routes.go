package httpapi

import (
	"jobnet/server/storage"
	"jobnet/shared"
)

// Route is one entry of the route table: its Go 1.22 method pattern, what
// each kind of caller gets (the role policy, policy.go), and its handler.
type Route struct {
	Pattern string
	Policy  Policy
	handle  handle
}

// Policies shared by many routes.
var (
	// anyone: routes that work with or without a session.
	anyone = Policy{Scope: ScopePublic, Anonymous: Allow, Citizen: Allow, Jobcenter: Allow, AKasse: Allow}
	// ownSession: the signed-in caller's own session.
	ownSession = Policy{Scope: ScopeSession, Citizen: Allow, Jobcenter: Allow, AKasse: Allow}
	// caseworkerSession: a caseworker's own session, choosing whom to mirror.
	caseworkerSession = Policy{Scope: ScopeSession, Citizen: Refuse(shared.MsgDenyNotCaseworker), Jobcenter: Allow, AKasse: Allow}
	// citizenWrite: a change to the citizen's own data; caseworkers see it
	// read-only (SPEC K2).
	citizenWrite = Policy{Scope: ScopeCitizen, Citizen: Allow, Jobcenter: ReadOnly, AKasse: ReadOnly}
	// citizenRegistration: a registration that decides the citizen's
	// benefits (Fravær, Til- og afmelding). The a-kasse caseworker sees the
	// registration pages, but "Du kan ikke lave registreringen for
	// medlemmet" (000_…txt 5.5, 5.7); the jobcenter's is read-only as
	// everywhere.
	citizenRegistration = Policy{Scope: ScopeCitizen, Citizen: Allow, Jobcenter: ReadOnly, AKasse: RegistrationRefused}
)

// citizenRead is a read of the citizen's data; akasse is what the a-kasse
// gets (SPEC K4): Allow (the same), Project (its view) or Withhold (a page
// refused whole, as the mirror banner says).
func citizenRead(akasse Grant) Policy {
	return Policy{Scope: ScopeCitizen, Citizen: Allow, Jobcenter: Allow, AKasse: akasse}
}

// sentBy is an ingestion route for case systems: each kind of
// organisation that may send it, and whether the citizen must already be
// the sender's.
func sentBy(jobcentres, akasser Grant, ownCitizensOnly bool) Policy {
	return Policy{Scope: ScopeIngest, JobcenterSystem: jobcentres, AKasseSystem: akasser, OwnCitizensOnly: ownCitizensOnly}
}

// fromSTAR is an administration route: STAR's token only.
var fromSTAR = Policy{Scope: ScopeIngest, STARSystem: Allow}

// Routes is the one route table of the API.
func Routes() []Route {
	return []Route{
		{"GET /healthz", Policy{Scope: ScopeNone}, plainHandler(ScopeNone, handleHealthz)},

		{"POST " + shared.APILogin, anyone, plainHandler(ScopePublic, handleLogin)},
		{"POST " + shared.APICaseworkerLogin, anyone, plainHandler(ScopePublic, handleCaseworkerLogin)},
		// A caseworker's session may not create a citizen's account.
		{"POST " + shared.APIRegister, Policy{Scope: ScopePublic, Anonymous: Allow, Citizen: Allow, Jobcenter: ReadOnly, AKasse: ReadOnly},
			plainHandler(ScopePublic, handleRegister)},

		{"GET " + shared.APISession, ownSession, plainHandler(ScopeSession, handleSession)},
		{"POST " + shared.APISessionExpire, ownSession, plainHandler(ScopeSession, handleSessionExpire)},
		{"POST " + shared.APILogout, ownSession, plainHandler(ScopeSession, handleLogout)},
		{"POST " + shared.APIMirror, caseworkerSession, plainHandler(ScopeSession, handleMirrorStart)},
		{"DELETE " + shared.APIMirror, caseworkerSession, plainHandler(ScopeSession, handleMirrorStop)},

		// The a-kasse sees the front page without other target groups.
		{"GET " + shared.APIOverview, citizenRead(Project), projectedHandler(loadOverview, overviewForCitizen, overviewForAKasse)},
		{"POST " + shared.APINotificationDone, citizenWrite, citizenHandler(handleNotificationDone)},
		// Historik: "Du har ikke adgang til siden" for the a-kasse.
		{"GET " + shared.APILoginHistory, citizenRead(Withhold(shared.WithheldHistorik)), citizenHandler(handleLoginHistory)},
		// The other accordions and an earlier plan version (SPEC D12): the
		// jobcenter reads them as the citizen does, the a-kasse is refused.
		{"GET " + shared.APIHistory, citizenRead(Withhold(shared.WithheldHistorik)), citizenHandler(handleHistory)},
		{"GET " + shared.APIHistoryPlanVersion, citizenRead(Withhold(shared.WithheldHistorik)), citizenHandler(handleHistoryPlanVersion)},
		{"GET " + shared.APIEures, citizenRead(Allow), citizenHandler(handleGetEures)},
		{"PUT " + shared.APIEures, citizenWrite, citizenHandler(handlePutEures)},
		// The a-kasse does not see the 225-hour figures.
		{"GET " + shared.APICounters, citizenRead(Project), projectedHandler(loadCounters, countersForCitizen, countersForAKasse)},
		// The a-kasse sees the plan's items of dagpenge forløb only.
		{"GET " + shared.APIPlan, citizenRead(Project), projectedHandler(loadPlan, planForCitizen, planForAKasse)},
		{"GET " + shared.APIPlanPDF, citizenRead(Project), projectedHandler(loadPlanPDF, planPDFForCitizen, planPDFForAKasse)},
		// The integration contract is greyed out for the a-kasse.
		{"GET " + shared.APIPlanContractPDF, citizenRead(Withhold(shared.WithheldIntegrationContract)), citizenHandler(handleContractPDF)},
		{"POST " + shared.APIFirstPlanBox, citizenWrite, citizenHandler(handleDismissFirstPlan)},
		{"POST " + shared.APIEducationSave, citizenWrite, citizenHandler(handleEducationSave)},
		{"POST " + shared.APIEducationSend, citizenWrite, citizenHandler(handleEducationSend)},
		{"POST " + shared.APIBehaviour, citizenWrite, citizenHandler(handleBehaviour)},

		// Find Job's public API (issue 10): anyone, the a-kasse too (000_…txt
		// 4.2); a citizen's searches are recorded as behaviour data.
		{"GET " + shared.APIJobs, anyone, plainHandler(ScopePublic, handleJobSearch)},
		{"GET " + shared.APIJobSuggest, anyone, plainHandler(ScopePublic, handleJobSuggest)},
		{"GET " + shared.APIJob, anyone, plainHandler(ScopePublic, handleJobAd)},
		{"GET " + shared.APIWIDKCount, anyone, plainHandler(ScopePublic, handleWIDKCount)},
		{"GET " + shared.APIOpenAPI, anyone, plainHandler(ScopePublic, handleOpenAPI)},

		// "Jeg søger job som" (issue 10, SPEC C2): the citizen's own; the
		// jobcenter and the a-kasse see it whole (000_…txt 4.2–4.3) and
		// change nothing (002_…txt 3.1: "du kan ikke redigere i jobmålene").
		{"GET " + shared.APIJobSeeking, citizenRead(Allow), citizenHandler(handleGetJobSeeking)},
		{"POST " + shared.APISoughtOccupations, citizenWrite, citizenHandler(handleAddSoughtOccupation)},
		{"PUT " + shared.APISoughtOccupation, citizenWrite, citizenHandler(handleUpdateSoughtOccupation)},
		{"DELETE " + shared.APISoughtOccupation, citizenWrite, citizenHandler(handleRemoveSoughtOccupation)},
		{"PUT " + shared.APIEmploymentConditions, citizenWrite, citizenHandler(handlePutEmploymentConditions)},

		// Find Job for a logged-in citizen (issue 11): favourites, the marks
		// of a list's ads, saved searches. The jobcenter and the a-kasse see
		// them read-only (000_…txt 4.2).
		{"GET " + shared.APISavedJobs, citizenRead(Allow), citizenHandler(handleSavedJobs)},
		{"PUT " + shared.APISavedJob, citizenWrite, citizenHandler(handleSaveJob)},
		{"DELETE " + shared.APISavedJob, citizenWrite, citizenHandler(handleUnsaveJob)},
		{"GET " + shared.APIJobMarks, citizenRead(Allow), citizenHandler(handleJobMarks)},
		{"GET " + shared.APISavedSearches, citizenRead(Allow), citizenHandler(handleSavedSearches)},
		{"POST " + shared.APISavedSearches, citizenWrite, citizenHandler(handleAddSavedSearch)},
		{"DELETE " + shared.APISavedSearch, citizenWrite, citizenHandler(handleRemoveSavedSearch)},

		// Joblog (issue 12, SPEC C3): the citizen's own; the jobcenter and the
		// a-kasse read it whole, filters included, and change nothing
		// (000_…txt 4.4). The form's postcodes and areas are reference data;
		// a log's travel time is read as the log (server/journey).
		{"GET " + shared.APIJoblogs, citizenRead(Allow), citizenHandler(handleJoblogs)},
		{"POST " + shared.APIJoblogs, citizenWrite, citizenHandler(handleCreateJoblog)},
		{"GET " + shared.APIJoblog, citizenRead(Allow), citizenHandler(handleJoblog)},
		{"PUT " + shared.APIJoblog, citizenWrite, citizenHandler(handleUpdateJoblog)},
		{"DELETE " + shared.APIJoblog, citizenWrite, citizenHandler(handleDeleteJoblog)},
		{"PUT " + shared.APIJoblogStatus, citizenWrite, citizenHandler(handleJoblogStatus)},
		{"GET " + shared.APIJoblogTravel, citizenRead(Allow), citizenHandler(handleJoblogTravel)},
		{"GET " + shared.APIJoblogPlaces, anyone, plainHandler(ScopePublic, handleJoblogPlaces)},
		// Its documents (003_…txt: "Gem ansøgning, jobannonce og CV"): read
		// with the log by all three, the a-kasse too (000_…txt 4.4);
		// added and removed by the citizen only.
		{"POST " + shared.APIJoblogDocuments, citizenWrite, documentHandler(shared.JoblogDocumentMaxBytes, handleAddJoblogDocument)},
		{"GET " + shared.APIJoblogDocument, citizenRead(Allow), citizenHandler(handleJoblogDocument)},
		{"DELETE " + shared.APIJoblogDocument, citizenWrite, citizenHandler(handleRemoveJoblogDocument)},

		// Min beskedbakke (issue 13, SPEC D6, K4): the jobcenter reads it
		// whole; the a-kasse the list with sender, date and read state, and
		// the content of the letters it is a party to only. Reading marks
		// read, and answering, are the citizen's own (a caseworker's reading
		// changes nothing).
		{"GET " + shared.APIMessages, citizenRead(Project), projectedHandler(loadMessages, messagesForCitizen, messagesForAKasse)},
		{"POST " + shared.APIMessageRead, citizenWrite, citizenHandler(handleMessageRead)},
		{"POST " + shared.APIMessageReply, citizenWrite, citizenHandler(handleMessageReply)},
		// Their files (shared/message_attachments.go): the a-kasse gets a
		// file of a letter it is a party to only, refused before the file
		// is looked for. The answer's files are the citizen's to send.
		{"GET " + shared.APIMessageAttachment, citizenRead(Project), messageFileRoute(storage.Citizen.MessageAttachmentFile)},
		{"GET " + shared.APIMessageReplyAttachment, citizenRead(Project), messageFileRoute(storage.Citizen.ReplyAttachmentFile)},
		{"POST " + shared.APIMessageReplyAttachments, citizenWrite, documentHandler(shared.JoblogDocumentMaxBytes, handleAddReplyAttachment)},
		{"POST " + shared.APIMessageReplySend, citizenWrite, citizenHandler(handleSendReply)},
		// Selvbooking, "Book et møde" (issue 13, SPEC D4, K4): the jobcenter
		// and the a-kasse go through the flow — "Du kan se medlemmets
		// muligheder" (000 5.2) — the a-kasse without a jobcenter's meeting
		// being rebooked; "BOOK MØDET" is the citizen's own: "Du har ikke
		// rettigheder til at foretage denne handling" (000 Billede 18).
		{"GET " + shared.APIBookingOffers, citizenRead(Project), projectedHandler(loadBookingOffers, bookingOffersForCitizen, bookingOffersForAKasse)},
		{"GET " + shared.APIBookingSlots, citizenRead(Allow), citizenHandler(handleBookingSlots)},
		{"POST " + shared.APIBooking, citizenWrite, citizenHandler(handleBook)},
		// Kalender (issue 13, SPEC D5, K4): the jobcenter sees the month
		// whole, the a-kasse "filtered like Min Plan's timeline" (000 5.3).
		// The private iCalendar address is the citizen's own to make and
		// revoke; a caseworker sees at most that one exists, never its
		// secret (only its hash is kept). The feed itself needs no session:
		// the secret is the authority, as a mail link's token. A
		// caseworker's session adds nothing to it; the a-kasse's is
		// refused, as the feed is the citizen's whole calendar, not its view.
		{"GET " + shared.APICalendar, citizenRead(Project), projectedHandler(loadCalendar, calendarForCitizen, calendarForAKasse)},
		{"POST " + shared.APICalendarFeed, citizenWrite, citizenHandler(handleCreateCalendarFeed)},
		{"DELETE " + shared.APICalendarFeed, citizenWrite, citizenHandler(handleRevokeCalendarFeed)},
		{"GET " + shared.APICalendarICS, Policy{Scope: ScopePublic, Anonymous: Allow, Citizen: Allow, Jobcenter: Allow,
			AKasse: Refuse("Kalenderabonnementet er borgerens eget.")}, plainHandler(ScopePublic, handleCalendarICS)},
		// Mit CV (issue 12, SPEC C4): the citizen's own; the jobcenter and
		// the a-kasse see it "som medlemmet ser det" (000_…txt 4.5), its PDF
		// too, and change nothing. The Præsentations-CV: the jobcenter sees
		// it, the a-kasse gets "Ingen adgang" (000_…txt Billede 10).
		{"GET " + shared.APICV, citizenRead(Allow), citizenHandler(handleGetCV)},
		{"PUT " + shared.APICVSettings, citizenWrite, citizenHandler(handlePutCVSettings)},
		{"POST " + shared.APICVEntries, citizenWrite, citizenHandler(handleAddCVEntry)},
		{"PUT " + shared.APICVEntry, citizenWrite, citizenHandler(handleUpdateCVEntry)},
		{"DELETE " + shared.APICVEntry, citizenWrite, citizenHandler(handleDeleteCVEntry)},
		{"POST " + shared.APICVLinkNudge, citizenWrite, citizenHandler(handleDismissCVLinkNudge)},
		{"GET " + shared.APICVPDF, citizenRead(Allow), citizenHandler(handleCVPDF)},
		{"GET " + shared.APIPresentationCV, citizenRead(Withhold(shared.WithheldPresentationCV)), citizenHandler(handleGetPresentationCV)},
		{"PUT " + shared.APIPresentationCV, citizenWrite, citizenHandler(handlePutPresentationCV)},
		{"GET " + shared.APIPresentationCVPDF, citizenRead(Withhold(shared.WithheldPresentationCV)), citizenHandler(handlePresentationCVPDF)},

		// Forberedelsesskema (SPEC C5): the citizen answers once; the
		// jobcenter sees everything, the a-kasse only the current dagpenge
		// screening (000_…txt 4.6, shared.AKasseScreeningOf); nobody but the
		// citizen answers.
		{"GET " + shared.APIScreening, citizenRead(Project), projectedHandler(loadScreening, screeningForCitizen, screeningForAKasse)},
		{"POST " + shared.APIScreening, citizenWrite, citizenHandler(handleAnswerScreening)},
		{"GET " + shared.APIScreeningPDF, citizenRead(Project), projectedHandler(loadScreeningPDF, screeningPDFForCitizen, screeningPDFForAKasse)},

		// Møder (issue 13, SPEC D4, K4): the jobcenter sees every meeting and
		// changes nothing; the a-kasse sees its own meetings and deadline
		// only (000 5.2, shared.ProjectMeetingsForAKasse), a jobcenter's
		// meeting is not found for it. Meld afbud and OK to a call-in are
		// the citizen's own.
		{"GET " + shared.APIMeetings, citizenRead(Project), projectedHandler(loadMeetings, meetingsForCitizen, meetingsForAKasse)},
		{"GET " + shared.APIMeeting, citizenRead(Project), projectedHandler(loadMeeting, meetingForCitizen, meetingForAKasse)},
		{"POST " + shared.APIMeetingCancel, citizenWrite, citizenHandler(handleMeetingCancel)},
		{"POST " + shared.APIMeetingAccept, citizenWrite, citizenHandler(handleMeetingAccept)},

		// "Hent alle mine data" (GDPR article 20): the citizen's own, as
		// JSON and as a PDF; neither the jobcenter's nor the a-kasse's
		// caseworker may download it in a mirror session (OwnOnly).
		{"GET " + shared.APIDataExportJSON, Policy{Scope: ScopeCitizen, Citizen: Allow, Jobcenter: OwnOnly, AKasse: OwnOnly}, citizenHandler(handleDataExportJSON)},
		{"GET " + shared.APIDataExportPDF, Policy{Scope: ScopeCitizen, Citizen: Allow, Jobcenter: OwnOnly, AKasse: OwnOnly}, citizenHandler(handleDataExportPDF)},
		// Fravær (issue 14, SPEC D7, K4): "Aktuelt fravær" — the jobcenter
		// sees it whole, the a-kasse the current absences lawful on dagpenge
		// (000 5.5). Meld ferie, syg, rask and midlertidigt arbejde are the
		// citizen's registrations: the jobcenter read-only, the a-kasse "Du
		// kan ikke lave registreringen for medlemmet" (citizenRegistration).
		{"GET " + shared.APIFravaer, citizenRead(Project), projectedHandler(loadFravaer, fravaerForCitizen, fravaerForAKasse)},
		{"POST " + shared.APIFravaerFerie, citizenRegistration, citizenHandler(handleMeldFerie)},
		{"POST " + shared.APIFravaerSyg, citizenRegistration, citizenHandler(handleMeldSyg)},
		{"POST " + shared.APIFravaerRask, citizenRegistration, citizenHandler(handleMeldRask)},
		{"POST " + shared.APIFravaerArbejde, citizenRegistration, citizenHandler(handleMeldArbejde)},
		// Brugerprofil (issue 14, SPEC A3): the citizen's own. The jobcenter
		// reads it, without the username, and changes nothing; the a-kasse
		// is shown none of it (shared.WithheldBrugerprofil). Every change is
		// the citizen's: a caseworker's is refused read-only.
		{"GET " + shared.APIProfile, citizenRead(Withhold(shared.WithheldBrugerprofil)), citizenHandler(handleGetProfile)},
		{"PUT " + shared.APIProfileContact, citizenWrite, citizenHandler(handlePutContact)},
		{"POST " + shared.APIProfileEmailConfirm, citizenWrite, citizenHandler(handleConfirmEmail)},
		{"PUT " + shared.APIProfileAddress, citizenWrite, citizenHandler(handlePutTempAddress)},
		{"DELETE " + shared.APIProfileAddress, citizenWrite, citizenHandler(handleDeleteTempAddress)},
		{"PUT " + shared.APIProfileUsername, citizenWrite, citizenHandler(handlePutUsername)},
		{"PUT " + shared.APIProfilePassword, citizenWrite, citizenHandler(handlePutPassword)},
		{"PUT " + shared.APIProfileNotices, citizenWrite, citizenHandler(handlePutNotices)},
		{"POST " + shared.APIProfileDelete, citizenWrite, citizenHandler(handleDeleteAccount)},

		// STAR's administration: the front page's banner (SPEC B1).
		{"GET " + shared.APIAdminBanner, fromSTAR, ingestHandler(handleGetBanner)},
		{"PUT " + shared.APIAdminBanner, fromSTAR, ingestHandler(handlePutBanner)},
		{"DELETE " + shared.APIAdminBanner, fromSTAR, ingestHandler(handleDeleteBanner)},
		// The anonymised Jobsøgningsdata (SPEC E1): STAR's researchers
		// only; no citizen's or caseworker's session reaches them.
		{"POST " + apiBehaviourExports, fromSTAR, ingestHandler(handleRequestBehaviourExport)},
		{"GET " + apiBehaviourExport, fromSTAR, ingestHandler(handleBehaviourExport)},
		{"GET " + apiBehaviourExportFile, fromSTAR, ingestHandler(handleBehaviourExportFile)},
		// Job agents (issue 11): the citizen's own; the jobcenter and the
		// a-kasse see them (000_…txt 4.2: "se en søgeprofil, som medlemmet
		// allerede har oprettet") and create none.
		{"GET " + shared.APIJobAgents, citizenRead(Allow), citizenHandler(handleGetJobAgents)},
		{"POST " + shared.APIJobAgents, citizenWrite, citizenHandler(handleCreateJobAgent)},
		{"DELETE " + shared.APIJobAgent, citizenWrite, citizenHandler(handleDeleteJobAgent)},
		// Without a login (Work in Denmark's, Jobnet's), confirmed by mail;
		// rate-limited as the public API. A caseworker's session makes none.
		{"POST " + shared.APIPublicJobAgents, Policy{Scope: ScopePublic, Anonymous: Allow, Citizen: Allow, Jobcenter: ReadOnly, AKasse: ReadOnly},
			plainHandler(ScopePublic, handleCreatePublicJobAgent)},
		// The mails' links: the token is the authority, no login.
		{"GET " + shared.APIJobAgentConfirm, anyone, plainHandler(ScopePublic, handleConfirmJobAgentPage)},
		{"POST " + shared.APIJobAgentConfirm, anyone, plainHandler(ScopePublic, handleConfirmJobAgent)},
		{"GET " + shared.APIJobAgentUnsubscribe, anyone, plainHandler(ScopePublic, handleUnsubscribePage)},
		{"POST " + shared.APIJobAgentUnsubscribe, anyone, plainHandler(ScopePublic, handleUnsubscribe)},

		// Ingestion (SPEC F), version 1 (package ingestv1).
		{"POST /api/ingest/v1/targetgroup", sentBy(Allow, Refuse("Kun jobcentre kan sætte en borgers målgruppe."), false),
			ingestHandler(handleIngestTargetGroup)},
		{"POST /api/ingest/v1/counters", sentBy(Refuse("Kun a-kasser kan sende dagpengetællere."), Allow, true),
			ingestHandler(handleIngestCounters)},
		{"POST /api/ingest/v1/hours225", sentBy(Allow, Refuse("Kun jobcentre kan sende oplysninger om 225-timers-reglen."), true),
			ingestHandler(handleIngestHours225)},
		{"POST /api/ingest/v1/plan", sentBy(Allow, Allow, true), ingestHandler(handleIngestPlan)},
		// Job ads come from the jobcentres' and the employer side's systems.
		{"POST /api/ingest/v1/jobads", sentBy(Allow, Refuse("A-kasser sender ikke jobannoncer."), false), ingestHandler(handleIngestJobAd)},
		{"POST /api/ingest/v1/jobads/withdraw", sentBy(Allow, Refuse("A-kasser sender ikke jobannoncer."), false),
			ingestHandler(handleIngestJobAdWithdraw)},
		// Joblogs come from the jobcentres' and the a-kasser's systems, for
		// their own citizens (FEATURES.md 3: "Logs tillige kan oprettes via
		// de A-kasser").
		{"POST /api/ingest/v1/joblogs", sentBy(Allow, Allow, true), ingestHandler(handleIngestJoblog)},
		{"POST /api/ingest/v1/joblogs/delete", sentBy(Allow, Allow, true), ingestHandler(handleIngestJoblogDelete)},
		// Messages for the Beskedbakke come from the jobcentres', the
		// a-kasser's and STAR's systems; a jobcenter or an a-kasse writes to
		// its own citizens only, STAR to anyone (handleIngestMessage). Each
		// sender collects the answers to its own messages.
		{"POST /api/ingest/v1/messages", Policy{Scope: ScopeIngest, JobcenterSystem: Allow, AKasseSystem: Allow, STARSystem: Allow, OwnCitizensOnly: true},
			ingestBodyHandler(maxIngestMessageBytes, handleIngestMessage)},
		{"GET /api/ingest/v1/message-replies", Policy{Scope: ScopeIngest, JobcenterSystem: Allow, AKasseSystem: Allow, STARSystem: Allow},
			ingestHandler(handleMessageReplies)},
		// A message's files come in its request (up to 20 MB in base64);
		// the answers' files are fetched by their sender's system, each of
		// its own answers only. A sender withdraws its own message.
		{"GET " + apiReplyAttachmentForSender, Policy{Scope: ScopeIngest, JobcenterSystem: Allow, AKasseSystem: Allow, STARSystem: Allow},
			ingestHandler(handleReplyAttachmentForSender)},
		{"POST /api/ingest/v1/messages/withdraw", Policy{Scope: ScopeIngest, JobcenterSystem: Allow, AKasseSystem: Allow, STARSystem: Allow},
			ingestHandler(handleIngestMessageWithdraw)},
		// The uddannelsespålæg is the jobcenter's (SPEC K4).
		{"GET /api/ingest/v1/education-answers", sentBy(Allow, Refuse("Kun jobcentre kan hente svar på uddannelsespålæg."), false),
			ingestHandler(handleEducationSent)},
		// The Forberedelsesskema is published by the jobcenter's case system
		// ("udstilles til Jobnet af DFDG", 003_…txt), for its own citizens,
		// which collects the answers as it does the education answers.
		{"POST /api/ingest/v1/screenings", sentBy(Allow, Refuse("Kun jobcentre kan sende forberedelsesskemaer."), true),
			ingestHandler(handleIngestScreening)},
		{"POST /api/ingest/v1/screenings/withdraw", sentBy(Allow, Refuse("Kun jobcentre kan sende forberedelsesskemaer."), true),
			ingestHandler(handleIngestScreeningWithdraw)},
		// Selvbooking (SPEC D4, F): the jobcentres' and the a-kasser's
		// planner systems publish their online offers with their times;
		// a jobcenter its own citizens' deadlines; STAR the rights texts.
		{"POST /api/ingest/v1/meeting-offers", sentBy(Allow, Allow, false), ingestHandler(handleIngestMeetingOffer)},
		{"POST /api/ingest/v1/meeting-offers/withdraw", sentBy(Allow, Allow, false), ingestHandler(handleIngestMeetingOfferWithdraw)},
		{"POST /api/ingest/v1/meeting-deadlines", sentBy(Allow, Refuse("Kun jobcentre kan sende frister for selvbooking."), true),
			ingestHandler(handleIngestMeetingDeadline)},
		{"POST /api/ingest/v1/meeting-rights", fromSTAR, ingestHandler(handleIngestMeetingRights)},
		{"GET /api/ingest/v1/screening-answers", sentBy(Allow, Refuse("Kun jobcentre kan hente svar på forberedelsesskemaer."), false),
			ingestHandler(handleScreeningAnswers)},
		// Meetings come from the jobcentres' and the a-kasser's case
		// systems, for their own citizens; each collects what happened to
		// its meetings in Jobnet (booked, cancelled, accepted).
		{"POST /api/ingest/v1/meetings", sentBy(Allow, Allow, true), ingestHandler(handleIngestMeeting)},
		{"GET /api/ingest/v1/meeting-events", sentBy(Allow, Allow, false), ingestHandler(handleMeetingEvents)},
		// Min sag til teamet (issue 14, SPEC D13): the citizen's own case
		// before the rehabiliteringsteam; the jobcenter sees it read-only,
		// the a-kasse is refused it whole ("afblændet", 000 3). The case
		// and the team's recommendation come from the citizen's jobcenter
		// (RehabilitationProcessService, RehabilitationRecommendationService,
		// 003), which collects what the citizen prepared for the team.
		{"GET " + shared.APIMinSag, citizenRead(Withhold(shared.WithheldMinSag)), citizenHandler(handleGetMinSag)},
		{"PUT " + shared.APIMinSagCV, citizenWrite, citizenHandler(handlePutMinSagCV)},
		{"PUT " + shared.APIMinSagSituation, citizenWrite, citizenHandler(handlePutMinSituation)},
		{"GET " + shared.APIMinSagPDF, citizenRead(Withhold(shared.WithheldMinSag)), citizenHandler(handleMinSagPDF)},
		{"POST /api/ingest/v1/rehab-cases", sentBy(Allow, Refuse("Kun jobcentre sender rehabiliteringssager."), true),
			ingestHandler(handleIngestRehabCase)},
		{"POST /api/ingest/v1/rehab-recommendations", sentBy(Allow, Refuse("Kun jobcentre sender rehabiliteringsteamets indstilling."), true),
			ingestHandler(handleIngestRehabRecommendation)},
		{"GET /api/ingest/v1/rehab-preparations", sentBy(Allow, Refuse("Kun jobcentre henter det, borgeren har forberedt til rehabiliteringsteamet."), false),
			ingestHandler(handleRehabPreparations)},
		// Absences (SPEC D7, F): the jobcenter's case system registers its
		// citizens' absences (barsel, borgerligt ombud, fritagelser); the
		// a-kasse registers none ("skal du selv give dit jobcenter besked",
		// 000 Billede 24). Both collect what the citizens registered in
		// Jobnet, the a-kasse only of kinds lawful on dagpenge.
		{"POST /api/ingest/v1/absences", sentBy(Allow, Refuse("Kun jobcentre kan registrere fravær."), true), ingestHandler(handleIngestAbsence)},
		{"GET /api/ingest/v1/absence-events", sentBy(Allow, Allow, false), ingestHandler(handleAbsenceEvents)},

		// Til- og afmelding (issue 14, SPEC D8, K4): the citizen enrols,
		// afmelder and takes back a waiting afmelding; the jobcenter sees
		// the page read-only, the a-kasse its view (a dagpenge or dimittend
		// enrolment, no receipt, no reason why the member cannot enrol) and
		// is refused every registration (000 5.5).
		{"GET " + shared.APIEnrolment, citizenRead(Project), projectedHandler(loadEnrolment, enrolmentForCitizen, enrolmentForAKasse)},
		{"POST " + shared.APIEnrolment, citizenRegistration, citizenHandler(handleEnrol)},
		{"POST " + shared.APIDeregistration, citizenRegistration, citizenHandler(handleDeregister)},
		{"DELETE " + shared.APIDeregistration, citizenRegistration, citizenHandler(handleWithdrawDeregistration)},
		// The jobcenter effectuates or rejects its citizen's kontanthjælp
		// enrolment and writes its own receipt texts; the a-kasse reports a
		// dimittend's dagpengeret; both collect their citizens' enrolment
		// changes (the a-kasse those of dagpenge and dimittend only).
		{"POST /api/ingest/v1/enrolment-decisions", sentBy(Allow, Refuse("Kun jobcentre kan effektuere eller afvise en tilmelding."), true),
			ingestHandler(handleIngestEnrolmentDecision)},
		{"POST /api/ingest/v1/enrolment-receipt-texts", sentBy(Allow, Refuse("Kun jobcentre skriver tekst på kvitteringen for tilmelding."), false),
			ingestHandler(handleIngestEnrolmentReceiptText)},
		{"POST /api/ingest/v1/dagpengeret", sentBy(Refuse("Kun a-kasser kan melde dagpengeret."), Allow, true), ingestHandler(handleIngestDagpengeret)},
		{"GET /api/ingest/v1/enrolment-events", sentBy(Allow, Allow, false), ingestHandler(handleEnrolmentEvents)},
	}
}
