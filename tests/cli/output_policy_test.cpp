// The output policy end to end: deckpdf never writes over an input of the
// run or over anything that is not a regular file, keeps the replaced
// file's mode, reads only regular files, and leaves no temporary file
// behind on a signal, on a file size limit, or after a killed run.
#include <signal.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <string>
#include <thread>

#include "cli/cli_helpers.h"
#include "support/paths.h"

using namespace deckpdf;
using test::bin;
using test::files_in;
using test::has;
using test::sh;
using test::tmp;
namespace fs = std::filesystem;

namespace {

const std::string deck_text = "---\ntitle: Policy\n---\nsection\n  h1 One\nsection\n  h1 Two\n";

// A fresh folder holding talk.pug.
std::string folder(const std::string& name) {
  std::string dir = tmp(name);
  fs::remove_all(dir);
  fs::create_directories(dir);
  test::write_file(dir + "/talk.pug", deck_text);
  return dir;
}

}  // namespace

TEST_CASE("an output that is an input of the run is refused, and the input kept", "[cli][policy]") {
  std::string dir = folder("policy-inputs");
  std::string deck = dir + "/talk.pug";
  std::string err;

  SECTION("-o names the deck itself") {
    CHECK(sh(bin() + " '" + deck + "' -o '" + deck + "'", &err) == 3);
    CHECK(has(err, "will not write '" + deck + "': it is an input of this run"));
    CHECK(test::read_file(deck) == deck_text);
  }
  SECTION("a deck named talk.pdf would be its own default output") {
    fs::rename(deck, dir + "/talk.pdf");
    CHECK(sh("cd '" + dir + "' && " + bin() + " talk.pdf", &err) == 3);
    CHECK(has(err, "will not write 'talk.pdf': it is an input of this run"));
    CHECK(test::read_file(dir + "/talk.pdf") == deck_text);
  }
  SECTION("-o names a picture the deck shows, through another path") {
    std::string png = test::read_file(test::source_dir() + "/tests/image/pictures/diagram.png");
    test::write_file(dir + "/pic.png", png);
    test::write_file(deck, deck_text + "section\n  img(src=\"pic.png\")\n");
    CHECK(sh("cd '" + dir + "' && " + bin() + " talk.pug -o ../policy-inputs/./pic.png", &err) ==
          3);
    CHECK(has(err, "it is an input of this run"));
    CHECK(test::read_file(dir + "/pic.png") == png);
  }
  CHECK(files_in(dir, ".").empty());  // no temporary file left
}

TEST_CASE("an output that is not a regular file is refused, not replaced", "[cli][policy]") {
  std::string dir = folder("policy-special");
  std::string deck = dir + "/talk.pug";
  std::string err;
  SECTION("a FIFO") {
    std::string fifo = dir + "/out.pdf";
    REQUIRE(::mkfifo(fifo.c_str(), 0644) == 0);
    CHECK(sh(bin() + " '" + deck + "' -o '" + fifo + "'", &err) == 3);
    CHECK(has(err, "it is a FIFO; deckpdf replaces only regular files"));
    struct stat st {};
    REQUIRE(::stat(fifo.c_str(), &st) == 0);
    CHECK(S_ISFIFO(st.st_mode));
  }
  SECTION("a device (/dev/null stays a device, also as root)") {
    CHECK(sh(bin() + " '" + deck + "' -o /dev/null", &err) == 3);
    CHECK(has(err, "it is a character device"));
    struct stat st {};
    REQUIRE(::stat("/dev/null", &st) == 0);
    CHECK(S_ISCHR(st.st_mode));
  }
  SECTION("standard output may still be anything") {
    CHECK(sh(bin() + " '" + deck + "' -o - >/dev/null", &err) == 0);
  }
}

TEST_CASE("a replaced PDF keeps its mode", "[cli][policy]") {
  std::string dir = folder("policy-mode");
  std::string out = dir + "/talk.pdf";
  REQUIRE(sh(bin() + " '" + dir + "/talk.pug'") == 0);
  REQUIRE(::chmod(out.c_str(), 0600) == 0);
  REQUIRE(sh(bin() + " '" + dir + "/talk.pug'") == 0);
  struct stat st {};
  REQUIRE(::stat(out.c_str(), &st) == 0);
  CHECK((st.st_mode & 07777) == 0600);
}

TEST_CASE("files the deck names are read only when regular: a FIFO never hangs", "[cli][policy]") {
  std::string dir = folder("policy-fifo-in");
  REQUIRE(::mkfifo((dir + "/theme.css").c_str(), 0644) == 0);
  REQUIRE(::mkfifo((dir + "/notes.md").c_str(), 0644) == 0);
  REQUIRE(::mkfifo((dir + "/pic.png").c_str(), 0644) == 0);
  std::string err;
  SECTION("a theme") {
    test::write_file(dir + "/t.pug", "---\ntheme: theme.css\n---\nsection\n  h1 A\n");
    CHECK(sh("timeout 20 " + bin() + " '" + dir + "/t.pug' -o '" + dir + "/t.pdf'", &err) == 3);
  }
  SECTION("an include") {
    test::write_file(dir + "/t.pug", "section\n  include:markdown-it notes.md\n");
    CHECK(sh("timeout 20 " + bin() + " '" + dir + "/t.pug' -o '" + dir + "/t.pdf'", &err) == 1);
  }
  SECTION("a picture (a warning and a placeholder)") {
    test::write_file(dir + "/t.pug", "section\n  img(src=\"pic.png\")\n");
    CHECK(sh("timeout 20 " + bin() + " '" + dir + "/t.pug' -o '" + dir + "/t.pdf'", &err) == 0);
  }
  SECTION("the deck itself") {
    CHECK(sh("timeout 20 " + bin() + " '" + dir + "/notes.md' -o '" + dir + "/t.pdf'", &err) == 3);
    CHECK(has(err, "it is a FIFO, not a regular file"));
  }
}

TEST_CASE("a signal while exporting leaves no temporary file, and leftovers are removed",
          "[cli][policy]") {
  std::string dir = folder("policy-signals");
  // A deck big enough to be interrupted while it is being made or written.
  std::string big = "---\ntitle: Big\n---\n";
  for (int i = 0; i < 3000; ++i) {
    big += "section\n  h2 Slide " + std::to_string(i) + "\n  p Some text to lay out here\n";
  }
  test::write_file(dir + "/big.pug", big);
  for (int sig : {SIGINT, SIGTERM, SIGHUP}) {
    for (int delay_ms : {20, 60, 150, 300}) {
      pid_t pid = ::fork();
      REQUIRE(pid >= 0);
      if (pid == 0) {
        ::execl(test::deckpdf_binary().c_str(), "deckpdf", (dir + "/big.pug").c_str(), "-o",
                (dir + "/big.pdf").c_str(), static_cast<char*>(nullptr));
        ::_exit(127);
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms));
      ::kill(pid, sig);
      int status = 0;
      ::waitpid(pid, &status, 0);
      INFO("signal " << sig << " after " << delay_ms << " ms");
      CHECK(files_in(dir, ".").empty());
    }
  }
  // SIGKILL cannot be caught: a name left by a killed run (a process that
  // no longer exists) is removed by the next run writing the same file.
  test::write_file(dir + "/.talk.pdf.deckpdf-999999999-0", "partial");
  test::write_file(dir + "/.other.pdf.deckpdf-999999999-0", "not ours to judge");
  REQUIRE(sh(bin() + " '" + dir + "/talk.pug'") == 0);
  CHECK(files_in(dir, ".") == std::set<std::string>{".other.pdf.deckpdf-999999999-0"});
}
