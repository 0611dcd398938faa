package app

import "time"

// now is the browser's clock, used only for display ("today" for the
// current target group); the server decides everything that matters.
func now() time.Time { return time.Now() }
