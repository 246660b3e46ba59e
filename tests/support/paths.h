// Where tests find the repository, the built binary and ../shared/.
#pragma once

#include <string>

namespace deckpdf::test {

std::string source_dir();      // the repository root
std::string deckpdf_binary();  // the built deckpdf executable
// ../shared/ beside the repository, or "" when it is not there (tests that
// need it are skipped then, never silently passed).
std::string shared_dir();
// A fresh folder for this test process, removed with what is in it when the
// process ends (DECKPDF_KEEP_TEST_FILES=1 keeps it).
std::string temp_dir();
std::string read_file(const std::string& path);
void write_file(const std::string& path, const std::string& bytes);

// Runs deckpdf with arguments; returns its exit code and captures stderr.
struct RunResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};
RunResult run_deckpdf(const std::string& args);

}  // namespace deckpdf::test
