// The command line end to end: options, outputs and exit codes, atomic
// writes under failure, several inputs at once, --watch, --help and the man
// page, and the installed binary.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <set>
#include <sstream>
#include <string>
#include <thread>

#include "cli/cli_helpers.h"
#include "support/paths.h"
#include "support/pdf_reader.h"

using namespace deckpdf;
using test::bin;
using test::files_in;
using test::has;
using test::sh;
using test::tmp;
namespace fs = std::filesystem;

namespace {

const std::string good_deck = "---\ntitle: Good\n---\nsection\n  h1 One\nsection\n  h1 Two\n";
const std::string bad_deck = "section\n  h2(class=\"x\"\n";

// A file's bytes, or "" while it does not exist yet.
std::string read_or_empty(const std::string& path) {
  std::error_code ec;
  return fs::exists(path, ec) ? test::read_file(path) : std::string();
}

// Polls `done` every 50 ms for up to 30 s (a loaded machine is slow).
template <class F>
bool wait_for(F done) {
  for (int i = 0; i < 600; ++i) {
    if (done()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return false;
}

size_t pages_of(const std::string& pdf) {
  test::PdfDoc doc = test::pdf_read(pdf);
  return doc.loaded ? doc.pages.size() : 0;
}

}  // namespace

TEST_CASE("exit codes: 0 success, 1 deck errors, 2 usage errors, 3 I/O errors", "[cli]") {
  test::write_file(tmp("ok.pug"), good_deck);
  test::write_file(tmp("bad.pug"), bad_deck);
  CHECK(test::run_deckpdf("'" + tmp("ok.pug") + "' -o '" + tmp("ok.pdf") + "'").exit_code == 0);
  CHECK(test::run_deckpdf("'" + tmp("bad.pug") + "' -o '" + tmp("bad.pdf") + "'").exit_code == 1);
  CHECK(test::run_deckpdf("--no-such-option '" + tmp("ok.pug") + "'").exit_code == 2);
  CHECK(test::run_deckpdf("").exit_code == 2);
  CHECK(test::run_deckpdf("'" + tmp("ok.pug") + "' --dump=xml").exit_code == 2);
  CHECK(test::run_deckpdf("'" + tmp("ok.pug") + "' --size 5:banana --check").exit_code == 2);
  CHECK(test::run_deckpdf("'" + tmp("ok.pug") + "' --slides 9 --check").exit_code == 2);
  CHECK(test::run_deckpdf("'" + tmp("ok.pug") + "' -j 0").exit_code == 2);
  CHECK(test::run_deckpdf("'" + tmp("nothere.pug") + "'").exit_code == 3);
  CHECK(test::run_deckpdf("'" + tmp("ok.pug") + "' -o /proc/no/such/dir/x.pdf").exit_code == 3);
}

TEST_CASE("a failed run leaves a pre-existing PDF byte-identical and no temporary files", "[cli]") {
  std::string dir = tmp("atomic");
  fs::create_directories(dir);
  std::string deck = dir + "/talk.pug", out = dir + "/talk.pdf";
  test::write_file(deck, good_deck);
  REQUIRE(test::run_deckpdf("'" + deck + "'").exit_code == 0);
  std::string before = test::read_file(out);
  REQUIRE(before.rfind("%PDF-", 0) == 0);

  SECTION("an error in the deck") {
    test::write_file(deck, bad_deck);
    auto r = test::run_deckpdf("'" + deck + "'");
    CHECK(r.exit_code == 1);
  }
  SECTION("the disk fills up while writing (a file size limit, like a full disk)") {
    // With SIGXFSZ ignored, a write past `ulimit -f` fails with EFBIG, as a
    // write to a full disk fails with ENOSPC: in the middle of the file.
    test::write_file(deck, good_deck + "section\n  h1 Three\n");
    std::string err;
    int code = sh("trap '' XFSZ; ulimit -f 1; " + bin() + " '" + deck + "'", &err);
    CHECK(code == 3);
    CHECK(has(err, "cannot write '" + deck.substr(0, deck.size() - 4) +
                       ".pdf': the file size limit (ulimit -f) is smaller than the PDF"));
  }
  SECTION("the output folder cannot take a file") {
    // A path through a regular file: no temporary file can be made there.
    auto r = test::run_deckpdf("'" + deck + "' -o '" + out + "/inside.pdf'");
    CHECK(r.exit_code == 3);
    CHECK(has(r.err, "cannot create a temporary file"));
  }
  CHECK(test::read_file(out) == before);
  CHECK(files_in(dir) == std::set<std::string>{"talk.pdf", "talk.pug"});
}

TEST_CASE("an unwritable output folder is an I/O error", "[cli]") {
  if (geteuid() == 0) {
    // root writes anywhere: /proc refuses new files even to root.
    auto r = test::run_deckpdf("'" + test::source_dir() + "/samples/beam.pug' -o /proc/beam.pdf");
    CHECK(r.exit_code == 3);
    CHECK(has(r.err, "cannot create a temporary file in '/proc'"));
  } else {
    std::string dir = tmp("readonly");
    fs::create_directories(dir);
    fs::permissions(dir, fs::perms::owner_read | fs::perms::owner_exec);
    auto r = test::run_deckpdf("'" + test::source_dir() + "/samples/beam.pug' -o '" + dir +
                               "/beam.pdf'");
    fs::permissions(dir, fs::perms::owner_all);
    CHECK(r.exit_code == 3);
    CHECK(has(r.err, "Permission denied"));
  }
}

TEST_CASE("the output is a file, a folder (INPUT.pdf inside it) or - for standard output",
          "[cli]") {
  std::string deck = tmp("named.pug");
  test::write_file(deck, good_deck);
  SECTION("a file") {
    REQUIRE(test::run_deckpdf("'" + deck + "' -o '" + tmp("chosen.pdf") + "'").exit_code == 0);
    CHECK(pages_of(tmp("chosen.pdf")) == 2);
  }
  SECTION("a folder") {
    fs::create_directories(tmp("outdir"));
    REQUIRE(test::run_deckpdf("'" + deck + "' -o '" + tmp("outdir") + "'").exit_code == 0);
    CHECK(pages_of(tmp("outdir/named.pdf")) == 2);
  }
  SECTION("standard output") {
    auto r = test::run_deckpdf("'" + deck + "' -o -");
    REQUIRE(r.exit_code == 0);
    CHECK(r.out.rfind("%PDF-", 0) == 0);
    CHECK(r.out.find("%%EOF") != std::string::npos);
  }
  SECTION("standard output on a full disk (/dev/full) is an I/O error") {
    std::string err;
    CHECK(sh(bin() + " '" + deck + "' -o - >/dev/full", &err) == 3);
    CHECK(has(err, "cannot write the PDF to standard output: No space left on device"));
  }
  SECTION("the deck from standard input, the PDF to standard output") {
    std::string pdf = tmp("from-stdin.pdf");
    REQUIRE(sh(bin() + " - <'" + deck + "' >'" + pdf + "'") == 0);
    CHECK(pages_of(pdf) == 2);
  }
}

TEST_CASE("several inputs: each its own PDF, -j runs them at once, the worst exit code wins",
          "[cli]") {
  std::string dir = tmp("multi");
  fs::create_directories(dir + "/out");
  std::string args;
  for (int i = 1; i <= 4; ++i) {
    std::string deck = dir + "/d" + std::to_string(i) + ".pug";
    std::string body = good_deck;
    for (int k = 0; k < i; ++k) body += "section\n  p extra " + std::to_string(k) + "\n";
    test::write_file(deck, body);
    args += " '" + deck + "'";
  }
  test::write_file(dir + "/broken.pug", bad_deck);
  auto r = test::run_deckpdf(args + " '" + dir + "/broken.pug' -j 3 -o '" + dir + "/out'");
  CHECK(r.exit_code == 1);
  for (int i = 1; i <= 4; ++i) {
    CAPTURE(i);
    CHECK(pages_of(dir + "/out/d" + std::to_string(i) + ".pdf") == static_cast<size_t>(2 + i));
  }
  CHECK_FALSE(fs::exists(dir + "/out/broken.pdf"));
  // The broken deck's report is one block, not interleaved with others.
  CHECK(has(r.err,
            "broken.pug:2:5: error: unclosed '(' of the attribute list [pug.unclosed-paren]\n"
            " 2 |   h2(class=\"x\"\n   |     ^\n"));
  SECTION("-o must be a folder for several inputs") {
    auto u = test::run_deckpdf(args + " -o '" + dir + "/one.pdf'");
    CHECK(u.exit_code == 2);
    CHECK(has(u.err, "-o must name a folder"));
  }
  SECTION("a missing input among good ones is an I/O error; the others are written") {
    fs::remove_all(dir + "/out2");
    fs::create_directories(dir + "/out2");
    auto m = test::run_deckpdf(args + " '" + dir + "/gone.pug' -j 2 -o '" + dir + "/out2/'");
    CHECK(m.exit_code == 3);
    CHECK(files_in(dir + "/out2").size() == 4);
  }
}

TEST_CASE("several modes in one run: builds and a handout make two files", "[cli]") {
  std::string dir = tmp("modes");
  fs::create_directories(dir);
  std::string deck = dir + "/talk.pug";
  test::write_file(deck, good_deck + "section\n  p.fragment a\n  p.fragment b\n");
  REQUIRE(test::run_deckpdf("'" + deck + "' --builds --handout=2-up").exit_code == 0);
  CHECK(pages_of(dir + "/talk.pdf") == 5);          // 1 + 1 + 3 steps
  CHECK(pages_of(dir + "/talk-handout.pdf") == 2);  // 3 slides, 2 a page
  SECTION("-o FILE names the first; the handout goes beside it") {
    REQUIRE(
        test::run_deckpdf("'" + deck + "' --builds --handout -o '" + dir + "/out.pdf'").exit_code ==
        0);
    CHECK(pages_of(dir + "/out.pdf") == 5);
    CHECK(pages_of(dir + "/out-handout.pdf") >= 1);
  }
  SECTION("a handout alone is one file") {
    fs::remove(dir + "/talk.pdf");
    REQUIRE(test::run_deckpdf("'" + deck + "' --handout=2-up").exit_code == 0);
    CHECK_FALSE(fs::exists(dir + "/talk.pdf"));
    CHECK(pages_of(dir + "/talk-handout.pdf") == 2);
  }
  SECTION("two PDFs cannot both go to standard output") {
    auto r = test::run_deckpdf("'" + deck + "' --builds --handout -o -");
    CHECK(r.exit_code == 2);
    CHECK(r.out.empty());
  }
}

TEST_CASE("check and dump modes write no PDF", "[cli]") {
  std::string dir = tmp("nowrite");
  fs::create_directories(dir);
  test::write_file(dir + "/talk.pug", good_deck);
  CHECK(test::run_deckpdf("'" + dir + "/talk.pug' --check").exit_code == 0);
  auto j = test::run_deckpdf("'" + dir + "/talk.pug' --dump=json");
  CHECK(j.exit_code == 0);
  CHECK(has(j.out, "\"title\": \"Good\""));
  auto h = test::run_deckpdf("'" + dir + "/talk.pug' --dump=html");
  CHECK(has(h.out, "<h1>One</h1>"));
  CHECK(files_in(dir) == std::set<std::string>{"talk.pug"});
}

TEST_CASE("verbose mode says what was written, and without it a non-terminal run is silent",
          "[cli]") {
  std::string deck = tmp("verbose.pug");
  test::write_file(deck, good_deck);
  auto quiet = test::run_deckpdf("'" + deck + "' -o '" + tmp("v.pdf") + "'");
  CHECK(quiet.exit_code == 0);
  CHECK(quiet.err.empty());
  auto v = test::run_deckpdf("'" + deck + "' -v -o '" + tmp("v.pdf") + "'");
  CHECK(v.exit_code == 0);
  CHECK(has(v.err, "wrote " + tmp("v.pdf") + " (2 pages, "));
  CHECK(has(v.err, "exported in "));
}

TEST_CASE("progress on a terminal for a long export, and erased when done", "[cli]") {
  std::string deck;
  for (int i = 0; i < 2000; ++i) deck += "section\n  h2 Slide " + std::to_string(i) + "\n";
  test::write_file(tmp("long.pug"), deck);
  std::string log = tmp("progress.log");
  // The delay before progress shows (a quarter of a second) made 0, so
  // that the test does not depend on this machine's speed.
  std::string cmd = "DECKPDF_PROGRESS_DELAY_MS=0 script -qec \"" + bin() + " '" + tmp("long.pug") +
                    "' --check\" '" + log + "' >/dev/null 2>&1";
  REQUIRE(std::system(cmd.c_str()) != -1);
  std::string shown = test::read_file(log);
  CHECK(has(shown, "/2000 slides laid out"));
  CHECK(has(shown, "\r\033[K"));
  // Not on a terminal: nothing.
  setenv("DECKPDF_PROGRESS_DELAY_MS", "0", 1);
  auto r = test::run_deckpdf("'" + tmp("long.pug") + "' --check");
  unsetenv("DECKPDF_PROGRESS_DELAY_MS");
  CHECK(r.exit_code == 0);
  CHECK(r.err.empty());
}

TEST_CASE("watch mode exports again when the deck changes, shows errors, and stops on a signal",
          "[cli]") {
  std::string dir = tmp("watch");
  fs::create_directories(dir);
  std::string deck = dir + "/talk.pug", out = dir + "/talk.pdf", err = dir + "/watch.err";
  test::write_file(deck, good_deck);
  int sig = GENERATE(SIGINT, SIGTERM);
  CAPTURE(sig);
  fs::remove(out);

  pid_t pid = fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    FILE* e = std::freopen(err.c_str(), "w", stderr);
    (void)e;
    execlp("timeout", "timeout", "120", test::deckpdf_binary().c_str(), deck.c_str(), "--watch",
           "-o", out.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  // `timeout` passes SIGINT and SIGTERM on to deckpdf.
  REQUIRE(wait_for([&] { return fs::exists(out) && pages_of(out) == 2; }));
  REQUIRE(wait_for([&] { return has(read_or_empty(err), "watching 1 deck"); }));

  // A change: a third slide.
  test::write_file(deck, good_deck + "section\n  h1 Three\n");
  CHECK(wait_for([&] { return pages_of(out) == 3; }));

  // An error: shown, the PDF left as it was, still watching.
  std::string before = test::read_file(out);
  test::write_file(deck, bad_deck);
  CHECK(wait_for([&] { return has(read_or_empty(err), "talk.pug:2:5: error: unclosed '('"); }));
  CHECK(test::read_file(out) == before);
  int status = 0;
  CHECK(waitpid(pid, &status, WNOHANG) == 0);

  // Fixed again: exported again.
  test::write_file(deck, good_deck + "section\n  h1 Three\nsection\n  h1 Four\n");
  CHECK(wait_for([&] { return pages_of(out) == 4; }));

  // A signal stops it, cleanly and soon.
  kill(pid, sig);
  bool exited = wait_for([&] { return waitpid(pid, &status, WNOHANG) == pid; });
  if (!exited) {
    kill(pid, SIGKILL);
    waitpid(pid, &status, 0);
  }
  CHECK(exited);
  CHECK(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);
  CHECK(has(read_or_empty(err), "stopped watching"));
  CHECK(files_in(dir, ".talk.pdf").empty());
}

TEST_CASE("watch mode also watches the pictures a deck shows", "[cli]") {
  std::string dir = tmp("watch-img");
  fs::create_directories(dir);
  std::string img = test::source_dir() + "/tests/layout/decks/img/grey.png";
  std::string deck = dir + "/talk.pug", out = dir + "/talk.pdf", err = dir + "/watch.err";
  test::write_file(deck, "section\n  img(src=\"pic.png\")\n");
  fs::copy_file(img, dir + "/pic.png", fs::copy_options::overwrite_existing);
  pid_t pid = fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    FILE* e = std::freopen(err.c_str(), "w", stderr);
    (void)e;
    execlp("timeout", "timeout", "120", test::deckpdf_binary().c_str(), deck.c_str(), "--watch",
           "-o", out.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  CHECK(wait_for([&] { return has(read_or_empty(err), "watching 1 deck"); }));
  // A broken picture: the export warns about it.
  test::write_file(dir + "/pic.png", "not a png");
  CHECK(wait_for([&] { return has(read_or_empty(err), "warning: image 'pic.png'"); }));
  // A picture saved half-written: its header is right, its pixels cut off
  // (libharu's loader aborted the whole process here); a warning again,
  // and deckpdf goes on watching until it is stopped.
  std::string png = test::read_file(test::source_dir() + "/tests/image/pictures/diagram.png");
  test::write_file(dir + "/pic.png", png.substr(0, png.size() / 2));
  CHECK(wait_for([&] { return has(read_or_empty(err), "is a broken PNG file"); }));
  kill(pid, SIGINT);
  int status = 0;
  waitpid(pid, &status, 0);
  CHECK(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);
}

TEST_CASE("the help lists every option with examples and the exit codes", "[cli]") {
  auto r = test::run_deckpdf("--help");
  CHECK(r.exit_code == 0);
  for (const char* opt : {"-o,--output", "--builds", "--handout", "--notes-only", "--theme",
                          "--size", "--paper", "--slides", "--dump", "--check", "--watch",
                          "-j,--jobs", "-q,--quiet", "-v,--verbose", "--version", "-h,--help"}) {
    CAPTURE(opt);
    CHECK(has(r.out, opt));
  }
  CHECK(has(r.out, "Examples:"));
  CHECK(has(r.out, "Exit codes: 0 success"));
  CHECK_FALSE(has(r.out, "--man"));  // hidden
  auto v = test::run_deckpdf("--version");
  CHECK(v.exit_code == 0);
  CHECK(v.out.rfind("deckpdf ", 0) == 0);
}

TEST_CASE("the man page is made from the same options as --help", "[cli]") {
  auto help = test::run_deckpdf("--help");
  auto man = test::run_deckpdf("--man");
  REQUIRE(man.exit_code == 0);
  CHECK(man.out.rfind(".\\\" Generated by `deckpdf --man`", 0) == 0);
  CHECK(has(man.out, ".TH DECKPDF 1"));
  CHECK(has(man.out, ".SH EXIT STATUS"));
  // Every long option --help shows is in the man page, written for roff.
  std::istringstream lines(help.out);
  std::string line;
  int options = 0;
  while (std::getline(lines, line)) {
    size_t p = line.find("--");
    if (line.rfind("  -", 0) != 0 || p == std::string::npos) continue;
    std::string name = line.substr(p + 2, line.find_first_of(" =", p) - p - 2);
    std::string roff;
    for (char c : name) roff += c == '-' ? std::string("\\-") : std::string(1, c);
    CAPTURE(name);
    CHECK(has(man.out, "\\fB\\-\\-" + roff + "\\fR"));
    ++options;
  }
  CHECK(options >= 15);
}

TEST_CASE("cmake --install puts the binary, fonts, layouts and man page where it finds them",
          "[cli]") {
  std::string prefix = tmp("prefix");
  std::string log;
  REQUIRE(sh("cmake --install '" DECKPDF_TEST_BUILD_DIR "' --prefix '" + prefix + "' >/dev/null",
             &log) == 0);
  CHECK(fs::exists(prefix + "/share/man/man1/deckpdf.1"));
  CHECK(fs::exists(prefix + "/share/deckpdf/layouts/white.css"));
  // Run from elsewhere, without DECKPDF_DATA_DIR: the installed data is used.
  std::string out = tmp("installed.pdf");
  std::string err;
  int code = sh("cd / && env -u DECKPDF_DATA_DIR '" + prefix + "/bin/deckpdf' -v '" +
                    test::source_dir() + "/samples/beam.pug' -o '" + out + "'",
                &err);
  CHECK(code == 0);
  CHECK(has(err, "fonts and layouts from " + prefix + "/share/deckpdf\n"));
  CHECK(pages_of(out) == 6);
}
