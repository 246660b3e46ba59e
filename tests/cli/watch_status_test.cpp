// --watch's messages: one status line per export, each warning printed once
// (and again only when it changes), errors every time; -q keeps the errors
// only. Every wait polls for the line it needs (a loaded machine is slow).
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <regex>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "cli/cli_helpers.h"
#include "support/paths.h"

using namespace deckpdf;
using test::tmp;
namespace fs = std::filesystem;

namespace {

// deckpdf --watch on a deck, its stderr in a file; stopped by SIGINT.
class Watcher {
 public:
  Watcher(const std::string& dir, const std::vector<std::string>& extra) : err_(dir + "/err") {
    std::string deck = dir + "/talk.pug", out = dir + "/talk.pdf";
    pid_ = fork();
    REQUIRE(pid_ >= 0);
    if (pid_ == 0) {
      FILE* e = std::freopen(err_.c_str(), "w", stderr);
      (void)e;
      std::vector<const char*> argv{"timeout", "120", nullptr, nullptr, "--watch", "-o", nullptr};
      std::string bin = test::deckpdf_binary();
      argv[2] = bin.c_str();
      argv[3] = deck.c_str();
      argv[6] = out.c_str();
      for (const std::string& x : extra) argv.push_back(x.c_str());
      argv.push_back(nullptr);
      execvp("timeout", const_cast<char* const*>(argv.data()));
      _exit(127);
    }
  }
  ~Watcher() {
    if (pid_ > 0) stop();
  }
  // Stops it; its exit code (-1: it had to be killed).
  int stop() {
    kill(pid_, SIGINT);
    int status = 0;
    bool exited = poll([&] { return waitpid(pid_, &status, WNOHANG) == pid_; });
    if (!exited) {
      kill(pid_, SIGKILL);
      waitpid(pid_, &status, 0);
    }
    pid_ = -1;
    return exited && WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }
  std::string err() const {
    std::error_code ec;
    return fs::exists(err_, ec) ? test::read_file(err_) : std::string();
  }
  std::vector<std::string> lines(const std::string& pattern) const {
    std::vector<std::string> out;
    std::istringstream in(err());
    std::regex re(pattern);
    for (std::string line; std::getline(in, line);) {
      if (std::regex_match(line, re)) out.push_back(line);
    }
    return out;
  }
  // Polls every 50 ms for up to 60 s.
  template <class F>
  static bool poll(F done) {
    for (int i = 0; i < 1200; ++i) {
      if (done()) return true;
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return false;
  }

 private:
  std::string err_;
  pid_t pid_ = -1;
};

size_t count(const std::string& hay, const std::string& needle) {
  size_t n = 0;
  for (size_t at = hay.find(needle); at != std::string::npos; at = hay.find(needle, at + 1)) ++n;
  return n;
}

const std::string status = R"(deckpdf: \d\d:\d\d:\d\d .*talk\.pug)";

}  // namespace

TEST_CASE("watch mode: a status line per export, each warning once until it changes", "[cli]") {
  std::string dir = tmp("watch-status");
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::string deck = dir + "/talk.pug";
  const std::string foo = "---\nfoo: bar\n---\n", baz = "---\nbaz: bar\n---\n";
  const std::string one = "section\n  h1 One\n", two = one + "section\n  h1 Two\n";
  const std::string foo_warning = "talk.pug:2:1: warning: front matter key 'foo'";
  const std::string baz_warning = "talk.pug:2:1: warning: front matter key 'baz'";
  const std::string error = "talk.pug:2:5: error: unclosed '('";
  test::write_file(deck, foo + one);
  Watcher w(dir, {});
  auto exports = [&] { return w.lines(status + ".*").size(); };
  auto wait_exports = [&](size_t n) { return Watcher::poll([&] { return exports() >= n; }); };

  REQUIRE(wait_exports(1));
  REQUIRE(Watcher::poll([&] { return test::has(w.err(), "watching 1 deck"); }));
  CHECK(w.lines(status + R"( -> .*talk\.pdf \(1 page\) in \d+ ms; 1 warning)").size() == 1);
  CHECK(count(w.err(), foo_warning) == 1);

  // A change that keeps the warning: not printed again.
  test::write_file(deck, foo + two);
  REQUIRE(wait_exports(2));
  CHECK(w.lines(status + R"( -> .*talk\.pdf \(2 pages\) in \d+ ms; 1 warning \(shown before\))")
            .size() == 1);
  CHECK(count(w.err(), foo_warning) == 1);

  // The warning changes: printed.
  test::write_file(deck, baz + two);
  REQUIRE(wait_exports(3));
  CHECK(count(w.err(), baz_warning) == 1);
  CHECK(count(w.err(), foo_warning) == 1);

  // An error: printed every time, and the status says the PDF stays.
  test::write_file(deck, "section\n  h2(class=\"x\"\n");
  REQUIRE(wait_exports(4));
  test::write_file(deck, "section\n  h2(class=\"x\"\n//- still\n");
  REQUIRE(wait_exports(5));
  CHECK(w.lines(status + ": 1 error; the last PDF stays").size() == 2);
  CHECK(count(w.err(), error) == 2);

  // The first warning again: it changed since the last export, so printed.
  test::write_file(deck, foo + one);
  REQUIRE(wait_exports(6));
  CHECK(count(w.err(), foo_warning) == 2);
  CHECK(w.stop() == 0);
  CHECK(test::has(w.err(), "deckpdf: stopped watching\n"));
  // Nothing else: the diagnostics (3 lines each), 6 status lines, watching, stopped.
  CHECK(count(w.err(), "\n") == 3 * 3 + 2 * 3 + 6 + 2);
}

TEST_CASE("watch mode -q: no status lines and no warnings, but every error", "[cli]") {
  std::string dir = tmp("watch-quiet");
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::string deck = dir + "/talk.pug";
  test::write_file(deck, "---\nfoo: bar\n---\nsection\n  h1 One\n");
  Watcher w(dir, {"-q"});
  REQUIRE(Watcher::poll([&] { return fs::exists(dir + "/talk.pdf"); }));
  test::write_file(deck, "section\n  h2(class=\"x\"\n");
  REQUIRE(Watcher::poll([&] { return test::has(w.err(), "error: unclosed '('"); }));
  CHECK(w.stop() == 0);
  CHECK(w.err() == deck + ":2:5: error: unclosed '(' of the attribute list [pug.unclosed-paren]\n" +
                       " 2 |   h2(class=\"x\"\n   |     ^\n");
}
