// The tests' own hygiene: the folder a test process writes into is gone when
// the process ends. Each test case runs as a process of its own, so a folder
// left per process once filled the disk and failed CI.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <string>

#include "cli/cli_helpers.h"
#include "support/paths.h"

using namespace deckpdf;
namespace fs = std::filesystem;

// Run by the test below in a process of its own: prints its folder after
// filling it with a file, a read-only file and a folder it cannot read.
TEST_CASE("test folder probe", "[.probe]") {
  std::string dir = test::temp_dir();
  test::write_file(dir + "/plain.txt", "x");
  test::write_file(dir + "/locked.txt", "y");
  fs::permissions(dir + "/locked.txt", fs::perms::owner_read);
  fs::create_directories(dir + "/shut/inner");
  test::write_file(dir + "/shut/inner/deep.txt", "z");
  fs::permissions(dir + "/shut", fs::perms::none);
  WARN("folder=" << dir);
}

TEST_CASE("a test process removes its folder when it ends", "[cli]") {
  std::string self = fs::read_symlink("/proc/self/exe").string();
  std::string out = test::temp_dir() + "/probe.out";
  std::string cmd = "'" + self + "' 'test folder probe' -s >" + out + " 2>&1";
  REQUIRE(std::system(cmd.c_str()) == 0);
  std::string printed = test::read_file(out);
  auto at = printed.find("folder=");
  REQUIRE(at != std::string::npos);
  std::string dir = printed.substr(at + 7, printed.find('\n', at) - at - 7);
  CHECK(dir.find("deckpdf-test-") != std::string::npos);
  CHECK_FALSE(fs::exists(dir));
}
