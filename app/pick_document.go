package app

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"jobnet/app/api"
	"jobnet/shared"
)

// pickDocument takes the file chosen in the file field inputID after the
// checks the browser can make before anything is sent (the Joblog's
// documents and the Beskedbakke's answers): a file is chosen (missing is
// the message when none is), it is not empty and at most 10 MB, there is
// room for it (full, when not nil, is the refusal when there is not), and
// its first bytes are one of the accepted types' (shared.JudgeDocumentHead),
// so that a program or a text file is refused here. done gets the file,
// or the refusal's message, on the UI goroutine; the server judges the
// whole file again.
func pickDocument(ctx app.Context, inputID, missing string, full error, done func(ctx app.Context, f api.File, refusal string)) {
	input := app.Window().GetElementByID(inputID)
	if !input.Truthy() || input.Get("files").Length() == 0 {
		done(ctx, api.File{}, missing)
		return
	}
	f := api.FileOf(input.Get("files").Index(0))
	if err := shared.CheckDocumentSize(f.Size); err != nil {
		done(ctx, api.File{}, shared.ErrorMessageOf(err))
		return
	}
	if full != nil {
		done(ctx, api.File{}, shared.ErrorMessageOf(full))
		return
	}
	ctx.Async(func() {
		head, err := api.FileHead(ctx, f)
		ctx.Dispatch(func(ctx app.Context) {
			switch {
			case err != nil:
				done(ctx, api.File{}, "Filen kunne ikke læses. Vælg den igen.")
			case shared.JudgeDocumentHead(head) != nil:
				done(ctx, api.File{}, shared.ErrorMessageOf(shared.JudgeDocumentHead(head)))
			default:
				if in := app.Window().GetElementByID(inputID); in.Truthy() {
					in.Set("value", "")
				}
				done(ctx, f, "")
			}
		})
	})
}

// documentAccept is the file fields' accept list: the accepted types by
// extension and media type (a hint to the browser's picker; the server
// judges the content).
const documentAccept = ".pdf,.docx,.odt,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/vnd.oasis.opendocument.text"
