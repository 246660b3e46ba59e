// cli — the command line: CLI11 options become a Job; the Job runs the
// pipeline; diagnostics are printed; the result is an exit code.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "source/diagnostic.h"

namespace deckpdf::cli {

// Exit codes, as documented in the README.
enum Exit : int {
  exit_ok = 0,     // success; warnings may have been printed
  exit_deck = 1,   // the deck has errors
  exit_usage = 2,  // the command line is wrong
  exit_io = 3,     // a file could not be read or written
};

enum class Mode { Slides, Builds };
enum class Dump { None, Html, Json };

struct Job {
  std::string input;
  std::string output;  // "" = input with .pdf
  Mode mode = Mode::Slides;
  Dump dump = Dump::None;
  std::string theme;           // "" = front matter or "white"
  std::string size;            // "" = front matter or "16:9"
  std::string data_dir;        // holds fonts/ and layouts/
  std::string slides;          // --slides "3-7,12": 1-based slide numbers; "" = all
  bool slide_numbers = false;  // --slide-numbers (also the theme's or deck's slideNumber)
  bool quiet = false;
  bool check = false;  // parse and lay out, write nothing
};

// Runs one job. Diagnostics go to stderr; dumps to stdout.
int job_run(const Job& job);

// What the pipeline made of a deck, in memory.
struct Export {
  int exit_code = exit_ok;
  Diagnostics diags;
  bool show_diags = true;                   // false: a failure that prints only `error`
  std::vector<std::string> theme_warnings;  // "theme.css:3: warning: ..." lines
  std::string error;                        // a failure not tied to a place in the deck ("" = none)
  std::string dump;                         // the --dump output
  std::string pdf;                          // the PDF's bytes (exit_ok, no --dump, no --check)
  size_t pages = 0;
};

// Runs the pipeline on a deck already read (job_run's work between reading
// the deck and writing the file), touching no file but the theme and the
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

}  // namespace deckpdf::cli
