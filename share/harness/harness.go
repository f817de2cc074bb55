// The leak harness: gotutor builds it beside the learner's package main
// (through go build -overlay, so the learner's files are not touched), with
// the learner's func main renamed in place to ǥmn. Its main runs the
// learner's and then looks for goroutines that are still alive, the way
// goleak does. What it finds goes to fd 3, never to stdout or stderr.
//
// The report, one section after another:
//
//	gotutor-harness 1
//	main-us N           how long the learner's main ran, in microseconds
//	leaked N            then each leaked goroutine's stack, as runtime.Stack prints it
//	profile             then the goroutineleak profile (debug=2), when the runtime has one
//	end
//
// A program that never reaches "end" left through os.Exit, a crash or a
// timeout.

package main

import (
	"os"
	"runtime"
	"strconv"
	"strings"
	"time"
)

// The learner's main must be a func(), as go build demands of main; when
// it is not, this line fails the build and gotutor builds without the
// harness, so that the compiler says so itself.
var _ func() = ǥmn

// gotutorReport is fd 3, set up by the jail.
var gotutorReport = os.NewFile(3, "gotutor-report")

// gotutorProfile writes the goroutineleak profile; nil where there is none.
var gotutorProfile func(*os.File)

// gotutorCrashOutput copies crash output to the report; nil before Go 1.23.
var gotutorCrashOutput func(*os.File)

// gotutorRaceExit ends a -race build's run once main returns; nil otherwise.
var gotutorRaceExit func()

func main() {
	gotutorReport.WriteString("gotutor-harness 1\n")
	if gotutorCrashOutput != nil {
		gotutorCrashOutput(gotutorReport)
	}
	start := time.Now()
	ǥmn()
	gotutorReport.WriteString("main-us " +
		strconv.FormatInt(time.Since(start).Microseconds(), 10) + "\n")
	if gotutorRaceExit != nil {
		gotutorRaceExit()
	}
	gotutorCheck()
}

// gotutorCheck reports the goroutines still alive once main has returned,
// after giving those that are finishing up to about 250 ms, as goleak does.
func gotutorCheck() {
	var leaked []string
	wait := time.Microsecond
	deadline := time.Now().Add(250 * time.Millisecond)
	for {
		leaked = gotutorLeaked()
		if len(leaked) == 0 || time.Now().After(deadline) {
			break
		}
		time.Sleep(wait)
		if wait < 50*time.Millisecond {
			wait *= 2
		}
	}
	var b strings.Builder
	b.WriteString("leaked " + strconv.Itoa(len(leaked)) + "\n")
	for _, g := range leaked {
		b.WriteString(g)
		b.WriteString("\n\n")
	}
	gotutorReport.WriteString(b.String())
	if len(leaked) > 0 && gotutorProfile != nil {
		gotutorReport.WriteString("profile\n")
		gotutorProfile(gotutorReport)
		gotutorReport.WriteString("\n")
	}
	gotutorReport.WriteString("end\n")
}

// gotutorLeaked returns the stacks of the goroutines other than this one
// and the runtime's own helpers.
func gotutorLeaked() []string {
	buf := make([]byte, 64<<10)
	for {
		n := runtime.Stack(buf, true)
		if n < len(buf) {
			buf = buf[:n]
			break
		}
		buf = make([]byte, 2*len(buf))
	}
	var leaked []string
	for i, g := range strings.Split(string(buf), "\n\n") {
		if i == 0 || gotutorIgnored(g) {
			continue // the first is this goroutine
		}
		leaked = append(leaked, strings.TrimRight(g, "\n"))
	}
	return leaked
}

// gotutorIgnored says whether a goroutine belongs to the runtime or to
// os/signal rather than to the program.
func gotutorIgnored(g string) bool {
	for _, f := range []string{
		"os/signal.signal_recv",
		"os/signal.loop",
		"runtime.ensureSigM",
		"runtime/pprof.",
	} {
		if strings.Contains(g, "\n"+f) {
			return true
		}
	}
	return strings.TrimSpace(g) == ""
}
