package app

import "jobnet/shared"

// Find Job's "Vis på kort" (issue 10): the search's ads on the map
// (map.go), each opening as Find Job's list opens it, in a new window.

// adMap is the map of a search's ads; withoutPlace are the ads the search
// found that have no position (the server sends only those with one).
func adMap(ads []shared.JobAdView, withoutPlace int, en bool) *jobnetMap {
	items := make([]mapItem, len(ads))
	for i, ad := range ads {
		items[i] = mapItem{Title: ad.Title, Detail: []string{ad.Employer.Name, ad.Place()}, Place: ad.Place(),
			Region: ad.Municipality, Href: jobAdHref(ad, en), NewTab: true, Lat: ad.Lat, Lon: ad.Lon}
	}
	return newJobnetMap().Items(items).Unplaced(withoutPlace).Words(adMapWords(en))
}

// adMapWords name ads, in Danish or in Work in Denmark's English.
func adMapWords(en bool) mapWords {
	if en {
		return mapWords{en: true, one: "job", many: "jobs", pin: " A pin is one job and opens the ad in a new window.",
			unplaced: [2]string{"%d job without an address is not on the map.", "%d jobs without an address are not on the map."}}
	}
	return mapWords{one: "job", many: "job", pin: " En nål er ét job og åbner annoncen i et nyt vindue.",
		unplaced: [2]string{"%d job uden adresse vises ikke på kortet.", "%d job uden adresse vises ikke på kortet."}}
}
