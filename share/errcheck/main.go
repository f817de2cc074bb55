// Command errcheck is gotutor's ignored-error detector: a "go vet" plug-in
// that reports errors a Go program drops on the floor.
//
// It is built from the standard library alone (no golang.org/x/tools), so it
// can be compiled offline with GOPROXY=off by any Go from 1.21 on, and it is
// run the way cmd/vet is run:
//
//	go build -o errcheck .            # with the learner's own toolchain
//	go vet -vettool=$PWD/errcheck [-json] ./...
//
// Build it with the same Go that will run "go vet": the export data that the
// go command hands it is read with this binary's go/importer, and an older
// importer panics on newer export data.
//
// # What it reports
//
//   - A call statement, go statement or defer statement whose call returns
//     an error, alone or in a tuple: "the error returned by os.Remove is not
//     checked" (with " (deferred call)" or " (go statement)" appended for
//     defer and go). Deferred calls are reported too, "defer f.Close()"
//     included, as errcheck does: telling a file opened for reading from
//     one opened for writing needs flow information that this tool lacks.
//   - An assignment or var declaration that sends an error result of a call
//     to the blank identifier, as in "n, _ := strconv.Atoi(s)": "the error
//     returned by strconv.Atoi is assigned to _". (errcheck does this only
//     with -blank; gotutor always does.)
//
// Not reported: "_ = err", where err is a variable (the discard is explicit
// and no call is involved; errcheck -blank does not report it either), calls
// whose results are all non-errors, conversions, builtins, and the calls in
// the excludedSymbols table below.
//
// # The vet tool protocol (see cmd/go/internal/work/exec.go and
// cmd/vendor/golang.org/x/tools/go/analysis/unitchecker)
//
//   - "-V=full" prints "errcheck version devel comments-go-here buildID=H",
//     H being the SHA-256 of this executable. The go command takes the part
//     of the last field after its last "/" (all of H) as the tool ID, which
//     goes into the action ID of every vet result it caches, so a rebuilt
//     analyzer invalidates old results. A version without "devel" would be
//     taken whole as the ID instead, and a changed binary would not be noticed.
//   - "-flags" prints the tool's flags as a JSON array of {Name, Bool, Usage}.
//     "go vet" accepts only the flags listed there, and passes on only those:
//     Go 1.21 to 1.25 reject "go vet -json" ("flag provided but not defined")
//     with a tool that does not list -json, and Go 1.26 accepts it but does
//     not pass it on.
//   - Otherwise the one argument is the path of a JSON file, vet.cfg (see
//     vetConfig). For VetxOnly units (dependencies, vetted only for their
//     "facts") it writes an empty VetxOutput file and exits; for the others
//     it parses GoFiles, type-checks them from the export data named by
//     PackageFile[ImportMap[path]], reports, and writes an empty VetxOutput.
//     The go command caches a unit's result only when VetxOutput exists.
//   - Output: without -json, "FILE:LINE:COL: MESSAGE" lines on stderr and exit
//     status 1 if there were findings. With -json, a JSON tree on stdout,
//     {"ID": {"errcheck": [{"posn": "FILE:LINE:COL", "end": ..., "message":
//     ...}]}} ("{}" when there is nothing to report), and exit status 0. When
//     vet.cfg names a Stdout file (Go 1.26 on), stdout goes to that file, and
//     the go command copies it to its own stdout (go vet -json), or turns it
//     into "FILE:LINE:COL: MESSAGE" lines on stderr (plain go vet, which
//     always passes -json to the tool from 1.26 on), and caches it: an
//     unchanged package is not analyzed again. Go 1.21 to 1.25 show the
//     tool's stdout and stderr together on their stderr, after a "# PACKAGE"
//     line, and rerun the tool on the packages named on the command line
//     every time (only dependencies are cached).
//   - Parse and type errors are fatal: "errcheck: MESSAGE" on stderr, exit
//     status 1, unless vet.cfg sets SucceedOnTypecheckFailure.
//
// # -std: stock vet and errcheck in one go command
//
// With -std ("go vet -vettool=PATH -std ./..."), the tool first starts the
// toolchain's own vet on the same vet.cfg ($GOTOOLDIR/vet: the go command
// sets GOTOOLDIR and GOROOT for every tool it runs), with this tool's -json,
// -c and -fix/-diff flags, and runs the errcheck analysis while vet runs.
// Vet writes VetxOutput (its facts, which the units that import this one
// need), so the tool does not; for VetxOnly units vet alone runs, and its
// exit status is the tool's. Otherwise:
//
//   - plain mode: vet's stdout and stderr pass through, then errcheck's
//     findings, "FILE:LINE:COL: errcheck: MESSAGE"; exit status 1 if either
//     found something, or vet's status if it failed otherwise (2 or more; 2
//     if vet could not run or died of a signal).
//   - -json: one tree per unit, vet's analyzers plus "errcheck", read from
//     vet's stdout or from the Stdout file of vet.cfg (Go 1.26 on), and
//     written where this tool's stdout goes. Errcheck's messages start with
//     "errcheck: " here too: from Go 1.26 on, plain "go vet" passes -json and
//     prints the messages itself, and the tool cannot tell it from go vet
//     -json.
package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"flag"
	"fmt"
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"io"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
)

// excludedSymbols lists the calls whose error result may be ignored. An entry
// is a function's full name as go/types prints it ("fmt.Println",
// "(*bytes.Buffer).Write", "(hash.Hash).Write" for a method reached through
// that interface or one that embeds it), optionally followed by the first
// argument in parentheses: "fmt.Fprintf(*bytes.Buffer)" matches when the
// first argument's type is *bytes.Buffer, and "os.Stdout"/"os.Stderr" name
// those variables.
var excludedSymbols = []string{
	// errcheck's default list (github.com/kisielk/errcheck/errcheck/excludes.go):
	// calls that are documented never to fail, or whose failure a program
	// cannot act on.
	"(*bytes.Buffer).Write",
	"(*bytes.Buffer).WriteByte",
	"(*bytes.Buffer).WriteRune",
	"(*bytes.Buffer).WriteString",
	"crypto/rand.Read",
	"errors.AsType", // (T, bool), where T is usually an error type
	"fmt.Print",
	"fmt.Printf",
	"fmt.Println",
	"fmt.Fprint(*bytes.Buffer)",
	"fmt.Fprintf(*bytes.Buffer)",
	"fmt.Fprintln(*bytes.Buffer)",
	"fmt.Fprint(*strings.Builder)",
	"fmt.Fprintf(*strings.Builder)",
	"fmt.Fprintln(*strings.Builder)",
	"fmt.Fprint(os.Stderr)",
	"fmt.Fprintf(os.Stderr)",
	"fmt.Fprintln(os.Stderr)",
	"(*io.PipeReader).CloseWithError",
	"(*io.PipeWriter).CloseWithError",
	"math/rand.Read",
	"(*math/rand.Rand).Read",
	"(*strings.Builder).Write",
	"(*strings.Builder).WriteByte",
	"(*strings.Builder).WriteRune",
	"(*strings.Builder).WriteString",
	"(hash.Hash).Write",
	"(*crypto/sha3.SHA3).Write",
	"(*crypto/sha3.SHAKE).Read",
	"(*crypto/sha3.SHAKE).Write",
	"(*hash/maphash.Hash).Write",
	"(*hash/maphash.Hash).WriteByte",
	"(*hash/maphash.Hash).WriteString",

	// gotutor's additions: fmt.Fprint*(os.Stdout, ...) is fmt.Print*.
	"fmt.Fprint(os.Stdout)",
	"fmt.Fprintf(os.Stdout)",
	"fmt.Fprintln(os.Stdout)",
}

const analyzerName = "errcheck"

// vetConfig is the JSON in vet.cfg, as cmd/go writes it (a subset of
// unitchecker.Config; unknown fields are ignored).
type vetConfig struct {
	ID                        string // e.g. "fmt [fmt.test]"; the key of the JSON output
	Compiler                  string // "gc" or "gccgo"
	Dir                       string
	ImportPath                string // package path
	GoVersion                 string // e.g. "go1.21"; empty before Go 1.21
	GoFiles                   []string
	NonGoFiles                []string
	ImportMap                 map[string]string // import path in source -> package path
	PackageFile               map[string]string // package path -> export data file
	Standard                  map[string]bool
	PackageVetx               map[string]string
	VetxOnly                  bool   // a dependency: facts only, no diagnostics
	VetxOutput                string // where to write facts (empty here)
	Stdout                    string // Go 1.26+: write stdout here
	SucceedOnTypecheckFailure bool
}

var (
	jsonFlag    = flag.Bool("json", false, "emit JSON output")
	contextFlag = flag.Int("c", -1, "display offending line with this many lines of context")
	flagsFlag   = flag.Bool("flags", false, "print analyzer flags in JSON")
	fixFlag     = flag.Bool("fix", false, "apply all suggested fixes (there are none)")
	_           = flag.Bool("diff", false, "with -fix, don't update the files, but print a unified diff")
	stdFlag     = flag.Bool("std", false, "also run the toolchain's own vet, and report its findings with errcheck's")
	// Legacy cmd/vet flags that unitchecker accepts and ignores.
	_ = flag.Bool("all", false, "no effect (deprecated)")
	_ = flag.Bool("source", false, "no effect (deprecated)")
	_ = flag.Bool("v", false, "no effect (deprecated)")
	_ = flag.String("tags", "", "no effect (deprecated)")
)

// stdPrefix starts each errcheck message in -std mode, where the messages of
// the standard analyzers share the output.
const stdPrefix = analyzerName + ": "

// main answers the go command's handshake or analyzes one unit.
func main() {
	log.SetFlags(0)
	log.SetPrefix(analyzerName + ": ")
	flag.Var(versionFlag{}, "V", "print version and exit")
	flag.Usage = func() {
		fmt.Fprintf(os.Stderr, "%s reports ignored errors; it is a go vet plug-in:\n"+
			"\tgo vet -vettool=$(pwd)/%[1]s [-std] [-json] [packages]\n", analyzerName)
		os.Exit(1)
	}
	flag.Parse()
	if *flagsFlag {
		printFlags()
		os.Exit(0)
	}
	args := flag.Args()
	if len(args) != 1 || !strings.HasSuffix(args[0], ".cfg") {
		log.Fatalf(`invoking %s directly is unsupported; use "go vet -vettool=PATH"`, analyzerName)
	}
	os.Exit(run(args[0]))
}

// versionFlag answers -V=full the way cmd/internal/objabi and unitchecker do.
type versionFlag struct{}

func (versionFlag) IsBoolFlag() bool { return true }
func (versionFlag) String() string   { return "" }
func (versionFlag) Set(s string) error {
	if s != "full" {
		log.Fatalf("unsupported flag value: -V=%s (use -V=full)", s)
	}
	// Without /proc (as in gotutor's build jail), the go command's own
	// absolute path to the tool serves as well.
	exe, err := os.Executable()
	if err != nil && filepath.IsAbs(os.Args[0]) {
		exe, err = os.Args[0], nil
	}
	if err != nil {
		log.Fatal(err)
	}
	f, err := os.Open(exe)
	if err != nil {
		log.Fatal(err)
	}
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		log.Fatal(err)
	}
	f.Close()
	// "go vet" checks: at least 3 fields, the 2nd "version", and, as the 3rd
	// holds "devel", a last field starting "buildID=".
	fmt.Printf("%s version devel comments-go-here buildID=%x\n", analyzerName, h.Sum(nil))
	os.Exit(0)
	return nil
}

// printFlags answers -flags: the flags that "go vet" may accept and pass on.
func printFlags() {
	type jsonFlag struct {
		Name  string
		Bool  bool
		Usage string
	}
	flags := []jsonFlag{}
	flag.VisitAll(func(f *flag.Flag) {
		if f.Name == "fix" { // unitchecker does not advertise -fix either
			return
		}
		b, ok := f.Value.(interface{ IsBoolFlag() bool })
		flags = append(flags, jsonFlag{f.Name, ok && b.IsBoolFlag(), f.Usage})
	})
	data, err := json.MarshalIndent(flags, "", "\t")
	if err != nil {
		log.Fatal(err)
	}
	os.Stdout.Write(data)
}

// run analyzes the unit that cfgFile describes and returns the exit status.
func run(cfgFile string) int {
	cfg := readConfig(cfgFile)
	if *stdFlag {
		return runStd(cfgFile, cfg)
	}
	if cfg.VetxOnly {
		// No facts: an empty file lets the go command cache the result.
		writeVetx(cfg)
		return 0
	}
	if cfg.Stdout != "" {
		f := createStdout(cfg.Stdout)
		defer f.Close()
		os.Stdout = f
	}

	fset := token.NewFileSet()
	diags, err := analyze(fset, cfg)
	if err != nil {
		return analysisFailed(cfg, err)
	}
	writeVetx(cfg)

	if *fixFlag && !*jsonFlag {
		return 0 // nothing to fix; unitchecker prints nothing in -fix mode
	}
	if *jsonFlag {
		writeJSON(os.Stdout, addFindings(jsonTree{}, fset, cfg.ID, diags, ""))
		return 0
	}
	return printPlain(fset, diags, "")
}

// readConfig reads and checks vet.cfg; it exits on errors, as unitchecker does.
func readConfig(cfgFile string) *vetConfig {
	data, err := os.ReadFile(cfgFile)
	if err != nil {
		log.Fatal(err)
	}
	var cfg vetConfig
	if err := json.Unmarshal(data, &cfg); err != nil {
		log.Fatalf("cannot decode JSON config file %s: %v", cfgFile, err)
	}
	if len(cfg.GoFiles) == 0 {
		log.Fatalf("package has no files: %s", cfg.ImportPath)
	}
	return &cfg
}

// createStdout creates the file that vet.cfg names for the tool's stdout.
func createStdout(name string) *os.File {
	f, err := os.Create(name)
	if err != nil {
		log.Fatal(err)
	}
	return f
}

// analysisFailed reports a parse or type error and returns the exit status:
// 0 without a word when vet.cfg says the compiler will report it.
func analysisFailed(cfg *vetConfig, err error) int {
	if cfg.SucceedOnTypecheckFailure {
		return 0 // let the compiler report it
	}
	log.Print(err)
	return 1
}

// printPlain prints the findings as "FILE:LINE:COL: PREFIXMESSAGE" lines on
// stderr, with -c context, and returns the exit status: 1 if there were any.
func printPlain(fset *token.FileSet, diags []diagnostic, prefix string) int {
	for _, d := range diags {
		posn := fset.Position(d.pos)
		fmt.Fprintf(os.Stderr, "%s: %s%s\n", posn, prefix, d.message)
		if *contextFlag >= 0 {
			printContext(posn, fset.Position(d.end), *contextFlag)
		}
	}
	if len(diags) > 0 {
		return 1
	}
	return 0
}

// jsonTree is unitchecker's -json output: unit ID -> analyzer name -> a list
// of jsonDiagnostic or an {"error": "..."} object. Values stay raw so that
// those of other analyzers (cmd/vet's, in -std mode) pass through untouched.
type jsonTree map[string]map[string]json.RawMessage

// jsonDiagnostic has the shape of unitchecker's JSON diagnostics.
type jsonDiagnostic struct {
	Category string `json:"category,omitempty"`
	Posn     string `json:"posn"`
	End      string `json:"end"`
	Message  string `json:"message"`
}

// addFindings adds the findings, if any, to tree under id and analyzerName,
// each message prefixed with prefix; it returns tree.
func addFindings(tree jsonTree, fset *token.FileSet, id string, diags []diagnostic, prefix string) jsonTree {
	if len(diags) == 0 {
		return tree
	}
	var list []jsonDiagnostic
	for _, d := range diags {
		list = append(list, jsonDiagnostic{
			Category: d.category,
			Posn:     fset.Position(d.pos).String(),
			End:      fset.Position(d.end).String(),
			Message:  prefix + d.message,
		})
	}
	data, err := json.Marshal(list)
	if err != nil {
		log.Fatal(err)
	}
	if tree[id] == nil {
		tree[id] = map[string]json.RawMessage{}
	}
	tree[id][analyzerName] = data
	return tree
}

// writeJSON writes tree in unitchecker's layout (tab-indented, a newline at
// the end; "{}" when empty).
func writeJSON(w io.Writer, tree jsonTree) {
	data, err := json.MarshalIndent(tree, "", "\t")
	if err != nil {
		log.Fatal(err)
	}
	if _, err := fmt.Fprintf(w, "%s\n", data); err != nil {
		log.Fatal(err)
	}
}

// writeVetx writes an empty facts file, which lets the go command cache the
// unit's result.
func writeVetx(cfg *vetConfig) {
	if cfg.VetxOutput == "" {
		return
	}
	if err := os.WriteFile(cfg.VetxOutput, nil, 0666); err != nil {
		log.Fatalf("writing vetx output: %v", err)
	}
}

// printContext prints the lines from start to end, n more on each side, for -c.
func printContext(start, end token.Position, n int) {
	data, err := os.ReadFile(start.Filename)
	if err != nil {
		return
	}
	lines := strings.Split(string(data), "\n")
	for i := start.Line - n; i <= end.Line+n; i++ {
		if i >= 1 && i <= len(lines) {
			fmt.Fprintf(os.Stderr, "%d\t%s\n", i, lines[i-1])
		}
	}
}

// runStd is -std mode: it runs the toolchain's own vet on the unit (which
// writes the unit's facts, VetxOutput, for the units that import it), runs
// the errcheck analysis meanwhile, and reports both as one tool: in plain
// mode vet's output, then errcheck's findings; with -json one tree holding
// vet's analyzers and errcheck. Errcheck's messages start with stdPrefix.
func runStd(cfgFile string, cfg *vetConfig) int {
	vet, err := startVet(cfgFile, cfg)
	if err != nil {
		log.Print(err)
		return 2 // a failure, not findings
	}
	if cfg.VetxOnly {
		return vet.wait() // facts only, and they are vet's
	}
	fset := token.NewFileSet()
	diags, err := analyze(fset, cfg)
	status := vet.wait()
	own := 0
	if err != nil {
		diags, own = nil, analysisFailed(cfg, err)
	}
	switch {
	case *fixFlag && !*jsonFlag:
		// vet applied its fixes (or printed them, with -diff); errcheck has none.
	case *jsonFlag:
		own = max(own, writeMergedJSON(fset, cfg, vet, diags))
	default:
		own = max(own, printPlain(fset, diags, stdPrefix))
	}
	return max(status, own)
}

// vetRun is the toolchain's vet, started on a unit.
type vetRun struct {
	cmd    *exec.Cmd
	stdout bytes.Buffer // what it printed on stdout, in -json mode
}

// startVet starts the toolchain's vet on cfgFile with this tool's -json, -c,
// -fix and -diff flags. Its stderr is this tool's; so is its stdout, except
// with -json, when the JSON is kept for writeMergedJSON. (Given a Stdout file
// in vet.cfg, Go 1.26 on, vet writes its stdout there itself.)
func startVet(cfgFile string, cfg *vetConfig) (*vetRun, error) {
	path, err := vetPath()
	if err != nil {
		return nil, err
	}
	v := &vetRun{cmd: exec.Command(path, append(vetArgs(), cfgFile)...)}
	v.cmd.Stdout = os.Stdout
	v.cmd.Stderr = os.Stderr
	if *jsonFlag && !cfg.VetxOnly {
		v.cmd.Stdout = &v.stdout
	}
	if err := v.cmd.Start(); err != nil {
		return nil, fmt.Errorf("cannot run the toolchain's vet: %v", err)
	}
	return v, nil
}

// vetPath returns the toolchain's vet: in $GOTOOLDIR, which the go command
// sets for every tool it runs (go vet runs its own vet from there), else in
// $GOROOT/pkg/tool/GOOS_GOARCH, else under the GOROOT this tool was built
// with (none when built with -trimpath).
func vetPath() (string, error) {
	exe := "vet"
	if runtime.GOOS == "windows" {
		exe += ".exe"
	}
	if dir := os.Getenv("GOTOOLDIR"); dir != "" {
		return filepath.Join(dir, exe), nil
	}
	root := os.Getenv("GOROOT")
	if root == "" {
		root = runtime.GOROOT()
	}
	if root == "" {
		return "", fmt.Errorf("cannot find the toolchain's vet: GOTOOLDIR and GOROOT are not set")
	}
	return filepath.Join(root, "pkg", "tool", runtime.GOOS+"_"+runtime.GOARCH, exe), nil
}

// vetArgs returns the flags given to this tool that vet must get too: -json
// and -c (which change its output) and -fix, with -diff (Go 1.26 on).
func vetArgs() []string {
	var args []string
	flag.Visit(func(f *flag.Flag) {
		switch {
		case f.Name == "json" || f.Name == "c" || f.Name == "fix",
			f.Name == "diff" && *fixFlag:
			args = append(args, "-"+f.Name+"="+f.Value.String())
		}
	})
	return args
}

// wait waits for vet and returns its exit status; a vet killed by a signal
// or lost otherwise is reported on stderr and counts as status 2.
func (v *vetRun) wait() int {
	err := v.cmd.Wait()
	if err == nil {
		return 0
	}
	if e, ok := err.(*exec.ExitError); ok && e.ExitCode() > 0 {
		return e.ExitCode()
	}
	log.Printf("%s: %v", v.cmd.Path, err)
	return 2
}

// writeMergedJSON reads vet's JSON tree (from the Stdout file of vet.cfg, or
// its captured stdout), adds errcheck's findings, and writes the one tree
// where this tool's stdout goes. It returns 1 if vet's JSON was unreadable.
func writeMergedJSON(fset *token.FileSet, cfg *vetConfig, vet *vetRun, diags []diagnostic) int {
	out := vet.stdout.Bytes()
	if cfg.Stdout != "" {
		data, err := os.ReadFile(cfg.Stdout)
		if err != nil && !os.IsNotExist(err) {
			log.Fatal(err)
		}
		out = append(out, data...)
	}
	status := 0
	tree, err := parseTrees(out)
	if err != nil {
		log.Printf("cannot read vet's JSON output: %v", err)
		status = 1
	}
	tree = addFindings(tree, fset, cfg.ID, diags, stdPrefix)
	if cfg.Stdout == "" {
		writeJSON(os.Stdout, tree)
		return status
	}
	f := createStdout(cfg.Stdout)
	writeJSON(f, tree)
	if err := f.Close(); err != nil {
		log.Fatal(err)
	}
	return status
}

// parseTrees decodes the JSON trees in data (normally one, or none) and
// merges them into one.
func parseTrees(data []byte) (jsonTree, error) {
	tree := jsonTree{}
	dec := json.NewDecoder(bytes.NewReader(data))
	for {
		var t jsonTree
		if err := dec.Decode(&t); err == io.EOF {
			return tree, nil
		} else if err != nil {
			return tree, err
		}
		for id, analyzers := range t {
			if tree[id] == nil {
				tree[id] = map[string]json.RawMessage{}
			}
			for name, result := range analyzers {
				tree[id][name] = result
			}
		}
	}
}

// analyze parses and type-checks the unit and returns its findings.
func analyze(fset *token.FileSet, cfg *vetConfig) ([]diagnostic, error) {
	var files []*ast.File
	for _, name := range cfg.GoFiles {
		f, err := parser.ParseFile(fset, name, nil, parser.ParseComments|parser.SkipObjectResolution)
		if err != nil {
			return nil, err
		}
		files = append(files, f)
	}
	compiler := cfg.Compiler
	if compiler == "" {
		compiler = "gc"
	}
	imp := importer.ForCompiler(fset, compiler, func(path string) (io.ReadCloser, error) {
		// path is a package path (already mapped through ImportMap).
		file, ok := cfg.PackageFile[path]
		if !ok {
			if compiler == "gccgo" && cfg.Standard[path] {
				return nil, nil // gccgo's own lookup
			}
			return nil, fmt.Errorf("no package file for %q", path)
		}
		return os.Open(file)
	})
	goarch := os.Getenv("GOARCH")
	if goarch == "" {
		goarch = runtime.GOARCH
	}
	tc := &types.Config{
		Importer: importerFunc(func(importPath string) (*types.Package, error) {
			path, ok := cfg.ImportMap[importPath]
			if !ok {
				return nil, fmt.Errorf("can't resolve import %q", importPath)
			}
			return imp.Import(path)
		}),
		Sizes:     types.SizesFor("gc", goarch),
		GoVersion: cfg.GoVersion,
	}
	info := &types.Info{
		Types:      make(map[ast.Expr]types.TypeAndValue),
		Uses:       make(map[*ast.Ident]types.Object),
		Selections: make(map[*ast.SelectorExpr]*types.Selection),
	}
	if _, err := tc.Check(cfg.ImportPath, fset, files, info); err != nil {
		return nil, err
	}
	c := &checker{info: info, excluded: make(map[string]bool)}
	for _, s := range excludedSymbols {
		c.excluded[s] = true
	}
	for _, f := range files {
		ast.Inspect(f, c.visit)
	}
	sort.SliceStable(c.diags, func(i, j int) bool { return c.diags[i].pos < c.diags[j].pos })
	return c.diags, nil
}

type importerFunc func(path string) (*types.Package, error)

func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }

type diagnostic struct {
	pos, end token.Pos
	category string // "unchecked", "defer", "go" or "blank"
	message  string
}

type checker struct {
	info     *types.Info
	excluded map[string]bool
	diags    []diagnostic
}

// errorIface is the universe's error interface.
var errorIface = types.Universe.Lookup("error").Type().Underlying().(*types.Interface)

func isError(t types.Type) bool {
	return t != nil && types.Implements(t, errorIface)
}

func (c *checker) visit(n ast.Node) bool {
	switch n := n.(type) {
	case *ast.ExprStmt:
		if call, ok := unparen(n.X).(*ast.CallExpr); ok {
			c.checkCall(call, "unchecked", "")
		}
	case *ast.GoStmt:
		c.checkCall(n.Call, "go", " (go statement)")
	case *ast.DeferStmt:
		c.checkCall(n.Call, "defer", " (deferred call)")
	case *ast.AssignStmt:
		if n.Tok == token.ASSIGN || n.Tok == token.DEFINE {
			c.checkBlank(n.Lhs, n.Rhs)
		}
	case *ast.ValueSpec:
		lhs := make([]ast.Expr, len(n.Names))
		for i, id := range n.Names {
			lhs[i] = id
		}
		c.checkBlank(lhs, n.Values)
	}
	return true
}

// errorResults reports which results of call are errors; nil if call is not
// a call of a function (a conversion, say).
func (c *checker) errorResults(call *ast.CallExpr) []bool {
	if tv, ok := c.info.Types[call.Fun]; !ok || tv.IsType() || tv.IsBuiltin() {
		return nil
	}
	switch t := c.info.Types[call].Type.(type) {
	case nil:
		return nil
	case *types.Tuple:
		res := make([]bool, t.Len())
		for i := range res {
			res[i] = isError(t.At(i).Type())
		}
		return res
	default:
		return []bool{isError(t)}
	}
}

func (c *checker) checkCall(call *ast.CallExpr, category, suffix string) {
	found := false
	for _, e := range c.errorResults(call) {
		found = found || e
	}
	if !found || c.isExcluded(call) {
		return
	}
	c.diags = append(c.diags, diagnostic{
		pos: call.Pos(), end: call.End(), category: category,
		message: "the error returned by " + c.callName(call) + " is not checked" + suffix,
	})
}

func (c *checker) checkBlank(lhs, rhs []ast.Expr) {
	report := func(id ast.Expr, call *ast.CallExpr) {
		c.diags = append(c.diags, diagnostic{
			pos: id.Pos(), end: id.End(), category: "blank",
			message: "the error returned by " + c.callName(call) + " is assigned to _",
		})
	}
	if len(rhs) == 1 && len(lhs) > 1 {
		// x, _ := f()
		call, ok := unparen(rhs[0]).(*ast.CallExpr)
		if !ok {
			return
		}
		errs := c.errorResults(call)
		if len(errs) != len(lhs) || c.isExcluded(call) {
			return
		}
		for i, l := range lhs {
			if isBlank(l) && errs[i] {
				report(l, call)
			}
		}
		return
	}
	if len(lhs) != len(rhs) {
		return
	}
	// _ = f(), or a, _ = g(), f()
	for i, l := range lhs {
		if !isBlank(l) {
			continue
		}
		call, ok := unparen(rhs[i]).(*ast.CallExpr)
		if !ok {
			continue // "_ = err" and the like: an explicit discard
		}
		if errs := c.errorResults(call); len(errs) == 1 && errs[0] && !c.isExcluded(call) {
			report(l, call)
		}
	}
}

// unparen strips parentheses (ast.Unparen is Go 1.22+).
func unparen(e ast.Expr) ast.Expr {
	for {
		p, ok := e.(*ast.ParenExpr)
		if !ok {
			return e
		}
		e = p.X
	}
}

func isBlank(e ast.Expr) bool {
	id, ok := unparen(e).(*ast.Ident)
	return ok && id.Name == "_"
}

// callee returns the function expression of call without parentheses and
// type arguments.
func callee(call *ast.CallExpr) ast.Expr {
	fun := call.Fun
	for {
		switch f := fun.(type) {
		case *ast.ParenExpr:
			fun = f.X
		case *ast.IndexExpr:
			fun = f.X
		case *ast.IndexListExpr:
			fun = f.X
		default:
			return fun
		}
	}
}

// callName names the called function as the learner wrote it: "os.Remove",
// "f.Close", "resp.Body.Close"; a long receiver expression gives way to the
// method's full name, "(*os.File).Close".
func (c *checker) callName(call *ast.CallExpr) string {
	fun := callee(call)
	switch f := fun.(type) {
	case *ast.FuncLit:
		return "the function literal"
	case *ast.Ident:
		return f.Name
	case *ast.SelectorExpr:
		s := types.ExprString(f)
		if len(s) <= 40 {
			return s
		}
		if fn, ok := c.info.Uses[f.Sel].(*types.Func); ok {
			return fn.FullName()
		}
		return "..." + "." + f.Sel.Name
	}
	s := types.ExprString(fun)
	if len(s) > 40 {
		s = s[:37] + "..."
	}
	return s
}

// isExcluded reports whether call matches excludedSymbols (errcheck's rules).
func (c *checker) isExcluded(call *ast.CallExpr) bool {
	var id *ast.Ident
	fun := callee(call)
	switch f := fun.(type) {
	case *ast.Ident:
		id = f
	case *ast.SelectorExpr:
		id = f.Sel
	default:
		return false
	}
	fn, ok := c.info.Uses[id].(*types.Func)
	if !ok {
		return false // a func-typed variable or field
	}
	fn = fn.Origin()
	names := []string{fn.FullName()}
	if sel, ok := fun.(*ast.SelectorExpr); ok {
		if s, ok := c.info.Selections[sel]; ok && s.Kind() == types.MethodVal {
			names = interfaceNames(s.Recv(), fn.Name(), names, map[types.Type]bool{})
		}
	}
	arg0 := ""
	if len(call.Args) > 0 {
		arg0 = c.argName(call.Args[0])
	}
	for _, name := range names {
		if c.excluded[name] || arg0 != "" && c.excluded[name+"("+arg0+")"] {
			return true
		}
	}
	return false
}

// interfaceNames appends "(I).method" for the named interface t and every
// named interface it embeds, directly or not, that has the method: a call
// h.Write on a hash.Hash32 matches "(hash.Hash32).Write", "(hash.Hash).Write"
// and "(io.Writer).Write".
func interfaceNames(t types.Type, method string, names []string, seen map[types.Type]bool) []string {
	t = unalias(t)
	if seen[t] {
		return names
	}
	seen[t] = true
	iface, ok := t.Underlying().(*types.Interface)
	if !ok {
		return names
	}
	if named, ok := t.(*types.Named); ok {
		for i := 0; i < iface.NumMethods(); i++ {
			if iface.Method(i).Name() == method {
				names = append(names, "("+types.TypeString(named, nil)+")."+method)
				break
			}
		}
	}
	for i := 0; i < iface.NumEmbeddeds(); i++ {
		names = interfaceNames(iface.EmbeddedType(i), method, names, seen)
	}
	return names
}

// unalias follows type aliases (*types.Alias, Go 1.22 on; types.Unalias is
// not in Go 1.21).
func unalias(t types.Type) types.Type {
	for i := 0; i < 100; i++ {
		a, ok := t.(interface{ Rhs() types.Type })
		if !ok {
			break
		}
		t = a.Rhs()
	}
	return t
}

// argName describes a first argument for the "fn(arg)" exclusions:
// "os.Stdout" or "os.Stderr" for those variables, else the argument's type.
func (c *checker) argName(e ast.Expr) string {
	if sel, ok := unparen(e).(*ast.SelectorExpr); ok {
		if v, ok := c.info.Uses[sel.Sel].(*types.Var); ok && v.Pkg() != nil &&
			v.Pkg().Path() == "os" && (v.Name() == "Stdout" || v.Name() == "Stderr") {
			return "os." + v.Name()
		}
	}
	if t := c.info.Types[e].Type; t != nil {
		return t.String()
	}
	return ""
}
