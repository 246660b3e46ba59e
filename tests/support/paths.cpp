#include "support/paths.h"

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace fs = std::filesystem;

namespace deckpdf::test {

std::string source_dir() {
  return DECKPDF_TEST_SOURCE_DIR;
}
std::string deckpdf_binary() {
  return DECKPDF_TEST_BINARY;
}

std::string shared_dir() {
  fs::path p = fs::path(source_dir()).parent_path() / "shared";
  return fs::is_directory(p) ? p.string() : std::string();
}

std::string temp_dir() {
  static std::string dir = [] {
    std::string templ = (fs::temp_directory_path() / "deckpdf-test-XXXXXX").string();
    if (!mkdtemp(templ.data())) throw std::runtime_error("mkdtemp failed");
    return templ;
  }();
  return dir;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void write_file(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary);
  out << bytes;
  if (!out) throw std::runtime_error("cannot write " + path);
}

RunResult run_deckpdf(const std::string& args) {
  static int counter = 0;
  std::string base = temp_dir() + "/run" + std::to_string(++counter);
  std::string cmd =
      "'" + deckpdf_binary() + "' " + args + " >" + base + ".out 2>" + base + ".err </dev/null";
  int status = std::system(cmd.c_str());
  RunResult r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = read_file(base + ".out");
  r.err = read_file(base + ".err");
  return r;
}

}  // namespace deckpdf::test
