package app

import (
	"context"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"jobnet/app/ui"
	"jobnet/shared"
)

// formState is what every form keeps besides its input: the errors of the
// last submit and whether one is under way.
type formState struct {
	ferr formError
	busy bool
}

// submit judges in with the shared validators, as the server will, and
// sends it with send (an api function) only when it passes; the server's
// answer comes back as the same kind of field messages. done gets the
// answer after a successful send. The input itself is never touched, so
// nothing the user typed is lost.
func submit[In, Out any](ctx app.Context, f *formState, in In, send func(context.Context, In) (Out, error), done func(app.Context, Out)) {
	submitChecked(ctx, f, shared.Validate(in), in, send, done)
}

// submitChecked is submit for a form whose input is judged by more than its
// tags (e.g. against the plan it answers): checkErr is that judgement.
func submitChecked[In, Out any](ctx app.Context, f *formState, checkErr error, in In, send func(context.Context, In) (Out, error), done func(app.Context, Out)) {
	if f.busy {
		return
	}
	if err := checkErr; err != nil {
		f.ferr = asFormError(err)
		return
	}
	f.busy, f.ferr = true, formError{}
	ctx.Async(func() {
		out, err := send(ctx, in)
		ctx.Dispatch(func(ctx app.Context) {
			f.busy = false
			if err != nil {
				f.ferr = asFormError(err)
				return
			}
			done(ctx, out)
		})
	})
}

// formError is what a form shows after a failed submit: a summary and the
// message per field.
type formError struct{ err *shared.Error }

func asFormError(err error) formError {
	if err == nil {
		return formError{}
	}
	if e, ok := err.(*shared.Error); ok {
		return formError{e}
	}
	return formError{shared.NewError(shared.EInternal)}
}

func (f formError) field(name string) string { return f.err.FieldMessage(name) }

// summary renders the error alert above the form. The wrapper is there
// with or without an error: go-app matches children by position, so an
// alert that came and went before the form would replace the form, and
// go-app drops the answer to a submit whose form is gone (Dispatch skips an
// element that is no longer mounted), leaving the button disabled.
func (f formError) summary() app.UI {
	return ui.Slot("jobnet-form-summary", f.err != nil, func() app.UI { return ui.ErrorAlert(f.err.Message) })
}
