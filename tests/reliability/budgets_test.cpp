// Size budgets (README.md, "Size budgets"): a deck past one is refused
// with an error at its place that names the limit, before the stage past
// it spends memory in proportion; memory that runs out anyway is reported
// with the stage and the deck, and never ends a --watch.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <string>
#include <thread>

#include "reliability/reliability.h"

using namespace deckpdf;
namespace fs = std::filesystem;

namespace {

std::string repeat(const std::string& s, size_t n) {
  std::string out;
  out.reserve(s.size() * n);
  for (size_t i = 0; i < n; ++i) out += s;
  return out;
}

struct Refused {
  test::TimedRun run;
  bool pdf_written = false;
};

Refused export_deck(const std::string& name, const std::string& deck,
                    const std::string& extra = "") {
  std::string in = test::temp_dir() + "/budget-" + name + ".pug";
  std::string out = test::temp_dir() + "/budget-" + name + ".pdf";
  test::write_file(in, deck);
  Refused r;
  r.run =
      test::run_with_env("SOURCE_DATE_EPOCH=1700000000", "'" + in + "' -o '" + out + "' " + extra);
  r.pdf_written = fs::exists(out);
  return r;
}

}  // namespace

TEST_CASE("a slide past 10,000 fragments is refused at the first one past it",
          "[reliability][budget]") {
  // One step for all (data-fragment-index): no page limit applies, yet each
  // fragment costs a tag, a layer entry and its effects.
  std::string deck = "section\n" + repeat("  p.fragment(data-fragment-index=\"1\") a\n", 10001);
  for (const char* mode : {"", "--builds", "--handout"}) {
    Refused r = export_deck("fragments", deck, mode);
    CAPTURE(mode, r.run.err.substr(0, 2000));
    CHECK(r.run.exit_code == 1);
    CHECK(test::has(r.run.err,
                    "budget-fragments.pug:10002:3: error: slide 1 has 10001 "
                    "fragments, past the limit of 10000 per slide"));
    CHECK(test::has(r.run.err, "[deck.too-many-fragments]"));
    CHECK_FALSE(r.pdf_written);
  }
  Refused ok = export_deck("fragments-ok", "section\n" + repeat("  p.fragment a\n", 900));
  CHECK(ok.run.exit_code == 0);
  CHECK(ok.pdf_written);
}

TEST_CASE("a slide past 500,000 items is refused, its layout stopped there",
          "[reliability][budget]") {
  // 510,000 lines of code made from one source line: each a text item.
  std::string deck = "section\n  pre\n    code " + repeat("a&#10;", 510000) + "\n";
  for (const char* mode : {"", "--builds", "--handout", "--check"}) {
    Refused r = export_deck("items", deck, mode);
    CAPTURE(mode, r.run.err.substr(0, 2000));
    CHECK(r.run.exit_code == 1);
    CHECK(test::has(r.run.err,
                    "budget-items.pug:1:1: error: slide 1 draws more than 500000 "
                    "items (lines of text, boxes, rules), past the limit of 500000"));
    CHECK(test::has(r.run.err, "[layout.too-many-items]"));
    CHECK_FALSE(r.pdf_written);
  }
}

TEST_CASE("an attribute string never closed is an error at its quote", "[reliability][budget]") {
  // The closing quote of href is missing: the string that starts at the
  // quote after `notes` swallows the ')'. pug.js refuses the deck; a PDF
  // with a garbled link is not an answer.
  std::string deck =
      "section\n  p\n    a(href=\"https://example.org/notes title=\"Full notes\") Read\n";
  for (const char* mode : {"", "--no-js", "--check"}) {
    Refused r = export_deck("unclosed-string", deck, mode);
    CAPTURE(mode, r.run.err);
    CHECK(r.run.exit_code == 1);
    CHECK(test::has(r.run.err,
                    "budget-unclosed-string.pug:3:56: error: unterminated string "
                    "[pug.unterminated-string]"));
    CHECK_FALSE(r.pdf_written);
  }
  // A quote closed inside a name, and quotes in values, are no error.
  Refused ok = export_deck("closed-string", "section\n  p(title=\"a 'b' c\" data-x='1') Read\n");
  CHECK(ok.run.exit_code == 0);
  CHECK_FALSE(test::has(ok.run.err, "unterminated"));
}

#ifndef DECKPDF_SANITIZED  // the sanitizers reserve more address space than the limit below
namespace {

// 300,000 paragraphs in 6.6 MB: several hundred MB to parse, more than a
// 250 MB address space holds; deckpdf itself starts in far less.
std::string big_deck() {
  return "section\n" + repeat("  .plain(data-x=1) a\n", 300000);
}

}  // namespace

TEST_CASE("out of memory names the stage and the deck, not std::bad_alloc",
          "[reliability][budget]") {
  // Two decks on two job threads: memory that runs out on a thread is
  // reported as well (uncaught there, it would have ended the process).
  std::string dir = test::temp_dir() + "/budget-oom";
  fs::create_directories(dir + "/out");
  test::write_file(dir + "/one.pug", big_deck());
  test::write_file(dir + "/two.pug", big_deck());
  std::string err = dir + "/err";
  std::string cmd = "ulimit -v 250000; exec '" + test::deckpdf_binary() + "' -j 2 '" + dir +
                    "/one.pug' '" + dir + "/two.pug' -o '" + dir + "/out/' 2>'" + err + "'";
  int status = std::system(("sh -c \"" + cmd + "\"").c_str());
  std::string shown = test::read_file(err);
  CAPTURE(shown);
  REQUIRE(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 1);
  for (const char* name : {"one", "two"}) {
    CHECK(test::has(shown, std::string("deckpdf: error: out of memory while parsing the Pug of ") +
                               dir + "/" + name + ".pug (6.0 MB); the deck needs more memory"));
  }
  CHECK_FALSE(test::has(shown, "bad_alloc"));
  CHECK(fs::is_empty(dir + "/out"));
}

TEST_CASE("watching outlives a deck that runs out of memory", "[reliability][budget]") {
  std::string dir = test::temp_dir() + "/budget-watch";
  fs::create_directories(dir);
  std::string deck = dir + "/talk.pug", out = dir + "/talk.pdf", err = dir + "/watch.err";
  test::write_file(deck, "section\n  h1 One\n");
  pid_t pid = fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    FILE* e = std::freopen(err.c_str(), "w", stderr);
    (void)e;
    std::string cmd = "ulimit -v 250000; exec timeout 120 '" + test::deckpdf_binary() + "' '" +
                      deck + "' --watch -o '" + out + "'";
    execl("/bin/sh", "sh", "-c", cmd.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  auto wait_for = [](auto done) {
    for (int i = 0; i < 600; ++i) {
      if (done()) return true;
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    return false;
  };
  auto shown = [&] { return fs::exists(err) ? test::read_file(err) : std::string(); };
  REQUIRE(wait_for([&] { return test::has(shown(), "watching 1 deck"); }));
  std::string good = test::read_file(out);
  REQUIRE(good.rfind("%PDF-", 0) == 0);
  test::write_file(deck, big_deck());
  CHECK(wait_for([&] { return test::has(shown(), "out of memory while"); }));
  CHECK(test::read_file(out) == good);  // the last good PDF stays
  int status = 0;
  CHECK(waitpid(pid, &status, WNOHANG) == 0);  // still watching
  test::write_file(deck, "section\n  h1 One\nsection\n  h1 Two\n");
  CHECK(wait_for([&] { return test::read_file(out) != good; }));
  kill(pid, SIGTERM);
  waitpid(pid, &status, 0);
  CHECK(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);
}
#endif
