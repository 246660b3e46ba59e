// cli/atomic_write — an output file replaced whole or not at all: written
// under a name no one sees, renamed over the target once complete, never
// over an input of this run or over anything that is not a regular file,
// keeping the old file's mode; the temporary file removed on every
// catchable signal, and leftovers of a killed run removed by the next one.
#pragma once

#include <list>
#include <string>

namespace deckpdf::cli {

// Installs the handlers that remove temporary files on SIGINT, SIGTERM,
// SIGHUP and SIGQUIT (then die of the signal as before), and ignores
// SIGXFSZ so that a file size limit (`ulimit -f`) is a write error with a
// message rather than a silent death. Call once, before any job starts.
void atomic_write_signals_install();

// Several outputs replaced together (a PDF, its handout, its .pdfpc):
// add() writes each beside its target under a temporary name (a failure
// there leaves every target as it was), commit() renames them all into
// place, with stop signals held back, and puts the old files back if a
// later rename fails. What is not committed is removed when the group ends.
class OutputGroup {
 public:
  OutputGroup();
  ~OutputGroup();
  OutputGroup(const OutputGroup&) = delete;
  OutputGroup& operator=(const OutputGroup&) = delete;
  // Writes `bytes` for `path` (see above). False with `error` saying why.
  bool add(const std::string& path, const std::string& bytes, std::string& error);
  // Renames every added file into place; false with `error` (and every
  // target as it was) when one cannot be.
  bool commit(std::string& error);

 private:
  struct Staged;
  std::list<Staged> staged_;  // a list: each holds a signal-table slot in place
};

// Writes `bytes` to `path` atomically (see above). On failure returns false
// with `error` saying why, and `path` is as it was.
bool file_write_atomic(const std::string& path, const std::string& bytes, std::string& error);

}  // namespace deckpdf::cli
