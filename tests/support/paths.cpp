#include "support/paths.h"

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <system_error>
#include <utility>

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

namespace {

// The run's folder, removed when the test process ends: each test case runs
// as a process of its own (catch_discover_tests), so a folder left behind per
// process filled the disk (24,000 of them, 33 GB, before this). A child made
// by fork() that returns through exit() must not remove its parent's folder,
// hence the pid. DECKPDF_KEEP_TEST_FILES=1 keeps it, to look at after a run.
class RunFolder {
 public:
  RunFolder() : owner_(getpid()) {
    std::string templ = (fs::temp_directory_path() / "deckpdf-test-XXXXXX").string();
    if (!mkdtemp(templ.data())) throw std::runtime_error("mkdtemp failed");
    path_ = std::move(templ);
  }
  RunFolder(const RunFolder&) = delete;
  RunFolder& operator=(const RunFolder&) = delete;
  ~RunFolder() {
    const char* keep = std::getenv("DECKPDF_KEEP_TEST_FILES");
    if (getpid() != owner_ || (keep && *keep && std::string(keep) != "0")) return;
    // Files a test made read-only, or folders it made unreadable, are made
    // writable again first, so that remove_all can delete them.
    std::error_code ec;
    for (auto it = fs::recursive_directory_iterator(
             path_, fs::directory_options::skip_permission_denied, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (!it->is_symlink(ec))
        fs::permissions(it->path(), fs::perms::owner_all, fs::perm_options::add, ec);
    }
    fs::remove_all(path_, ec);
  }
  const std::string& path() const { return path_; }

 private:
  pid_t owner_;
  std::string path_;
};

}  // namespace

std::string temp_dir() {
  static RunFolder folder;
  return folder.path();
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
