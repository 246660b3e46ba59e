// cli — the command line: CLI11 options become a Job; the Job runs the
// pipeline; diagnostics are printed; the result is an exit code.
#pragma once

#include <cstddef>
#include <functional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "source/diagnostic.h"
#include "source/source_set.h"

namespace deckpdf::cli {

// Exit codes, as documented in the README.
enum Exit : int {
  exit_ok = 0,     // success; warnings may have been printed
  exit_deck = 1,   // the deck has errors
  exit_usage = 2,  // the command line is wrong
  exit_io = 3,     // a file could not be read or written
};

enum class Mode { Slides, Builds };
enum class Dump { None, Html, Json, Layout };

// One input's settings. The command line (cli.cpp, options_define) fills one
// Job per INPUT; each Job runs its own pipeline (its own fonts and shaper),
// so several can run at once on threads (-j).
struct Job {
  std::string input;   // a path, or "-" for standard input
  std::string output;  // "" = input with .pdf; "-" = stdout; an existing folder = INPUT.pdf in it
  Mode mode = Mode::Slides;
  Dump dump = Dump::None;
  std::string theme;             // "" = front matter or "white"
  std::vector<std::string> css;  // --css FILE...: rules after the theme and the deck's own
  std::string
      code_theme;  // --code-theme: layouts/code-NAME.css or a file; "" = the theme's, else monokai
  std::string size;            // "" = front matter or "16:9"
  std::string data_dir;        // holds fonts/ and layouts/
  std::string slides;          // --slides "3-7,12": 1-based slide numbers; "" = all
  bool slide_numbers = false;  // --slide-numbers (also the theme's or deck's slideNumber)
  std::string asset_root;      // --asset-root: where site-absolute image paths (/img/x.png) point
  int image_dpi = 0;           // --image-dpi: pictures stored at most this dense; 0 = as they are
  bool pdfa = false;           // --pdfa: PDF/A-2b
  std::string lang;            // --lang: BCP 47 tag over front matter `lang:`; "" = the deck's
  // --tagged: a tagged PDF, its structure tree from the deck (PDF/UA-1). Off by default: it
  // costs over 10% in time and size (issue 24's rule; the numbers are in the commit).
  bool tagged = false;
  std::string from;         // --from: "pug", "md" or "html"; "" = by the input's extension
  std::string basedir;      // --basedir: `include /x.pug` from here, and no include leaves it
  bool no_js = false;       // --no-js: the deck's JavaScript is reported, never run
  double js_timeout = 2.0;  // --js-timeout: seconds for all of the deck's JavaScript
  std::string locals;       // --locals: a JSON file whose keys become the deck's globals
  bool quiet = false;       // -q: errors only
  bool verbose = false;     // -v: also what was written, and how long it took
  bool check = false;       // parse and lay out, write nothing
  bool watch = false;       // under --watch: its status line says what was written
  // --handout[=LAYOUT]: a handout in layouts/LAYOUT.handout (or a file);
  // "" = no handout. --notes-only: the speaker's script. They write
  // INPUT-handout.pdf and INPUT-notes.pdf unless -o names a file.
  std::string handout;
  bool notes_only = false;
  std::string paper;                   // --paper: "a4" or "letter"; "" = from the locale
  std::string handout_colors = "ink";  // --handout-colors: "ink" (dark slides light) or "as-is"
  std::string notes_size;              // --notes-size: "10pt"; "" = the handout layout's
  bool pdfpc = false;                  // --pdfpc: also write the pdfpc file beside the PDF
  // Called after each slide is laid out (done, total); empty = no progress.
  std::function<void(size_t done, size_t total)> on_progress;
};

// What one run of a job did.
struct JobResult {
  int exit_code = exit_ok;
  // The files the export read: the deck, the pictures it shows, a theme
  // file (what --watch watches). Paths as the job opened them.
  std::vector<std::string> files;
  // For --watch's status line: the PDFs written and their pages, the
  // warnings and errors the deck had, and the warnings printed this time.
  std::vector<std::pair<std::string, size_t>> written;
  size_t warnings = 0, errors = 0, warnings_printed = 0;
};

// --watch's memory of one job between its exports: the warnings printed
// last time, each not printed again while it stays the same.
struct Repeats {
  std::set<std::string> warnings;  // as printed: place, message, code, line
};

// Runs one job: reads the deck, exports it, writes the output atomically.
// Diagnostics are printed to stderr (as one block, so that jobs running at
// once do not interleave); dumps and `-o -` go to stdout. With `repeats`,
// warnings printed by the last run are left out (and `repeats` updated).
JobResult job_run(const Job& job, Repeats* repeats = nullptr);

// The PDFs one run makes: the slides (or builds), a handout, the notes.
// `--builds --handout` makes talk.pdf and talk-handout.pdf; `--handout`
// alone only the handout.
enum class Product { Deck, Handout, Notes };
std::vector<Product> products_of(const Job& job);

// One PDF the pipeline made, in memory.
struct Output {
  Product product = Product::Deck;
  std::string pdf;  // the bytes
  size_t pages = 0;
  std::string pdfpc;  // the pdfpc file's text (--pdfpc; the first output only)
};

// What the pipeline made of a deck, in memory.
struct Export {
  int exit_code = exit_ok;
  Diagnostics diags;
  bool show_diags = true;          // false: a failure that prints only `error`
  std::string error;               // a failure not tied to a place in the deck ("" = none)
  std::string dump;                // the --dump output
  std::vector<Output> outputs;     // products_of(job), each (exit_ok, no --dump, no --check)
  std::vector<std::string> files;  // pictures and theme file read (or looked for), for --watch
  // The files the deck includes, in the span space after the deck's own
  // text (a diagnostic there is printed in its file: SourceSet::localize).
  SourceSet sources;
};

// Runs the pipeline on a deck already read (job_run's work between reading
// the deck and writing the files): parsed, built and laid out once, then
// composed and rendered for each product, touching no file but the theme and the
// fonts under job.data_dir and the pictures in the deck's folder (the
// folder of source.path()). job.input and job.output are not used.
// SOURCE_DATE_EPOCH, when set, is the PDF's date. Thread-compatible, and
// what the fuzz targets in fuzz/ call.
Export export_to_memory(const Source& source, const Job& job);

// The folder that holds fonts/ and layouts/: $DECKPDF_DATA_DIR, then the
// install location, then the source tree the binary was built from.
std::string data_dir_find(const char* argv0);

// Parses the command line and runs; what main() calls.
int cli_main(int argc, char** argv);

// --watch: runs every job, then again whenever a file it read changes
// (polled, debounced), until SIGINT or SIGTERM; returns exit_ok then.
int watch_run(const std::vector<Job>& jobs);

}  // namespace deckpdf::cli
