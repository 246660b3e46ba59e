// Reproducible output: with SOURCE_DATE_EPOCH the same deck gives the same
// bytes, whatever the output path; without it only the dates differ.
#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <regex>
#include <string>
#include <vector>

#include "reliability/reliability.h"
#include "support/pdf_reader.h"

using namespace deckpdf;
namespace fs = std::filesystem;

namespace {

std::vector<std::string> sample_decks() {
  std::vector<std::string> files;
  for (const auto& e : fs::directory_iterator(test::source_dir() + "/samples")) {
    if (e.path().extension() == ".pug") files.push_back(e.path().string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

const std::vector<std::string> modes = {"",
                                        "--builds",
                                        "--builds --slide-numbers --size 4:3",
                                        "--handout",
                                        "--handout=6-up --paper Letter",
                                        "--notes-only"};

std::string export_bytes(const std::string& env, const std::string& deck, const std::string& mode,
                         const std::string& out) {
  fs::create_directories(fs::path(out).parent_path());
  test::TimedRun r = test::run_with_env(env, "'" + deck + "' -o '" + out + "' " + mode);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  return test::read_file(out);
}

// The PDF's objects (qpdf --qdf: deckpdf compresses them in object
// streams) with their dates and the trailer's /ID (a hash of the bytes)
// blanked.
std::string mask_dates(const std::string& path) {
  std::string pdf = test::pdf_qdf(path);
  REQUIRE(!pdf.empty());
  static const std::regex date(R"(/(CreationDate|ModDate) *\(D:[^)]*\))");
  static const std::regex id(R"(/ID *\[ *<[0-9A-Fa-f]*> *<[0-9A-Fa-f]*> *\])");
  std::string s = std::regex_replace(pdf, date, "/$1 ()");
  return std::regex_replace(s, id, "/ID []");
}

}  // namespace

TEST_CASE("with SOURCE_DATE_EPOCH two exports are byte for byte the same", "[reliability]") {
  std::vector<std::string> decks = sample_decks();
  REQUIRE(decks.size() >= 2);
  int n = 0;
  for (const std::string& deck : decks) {
    for (const std::string& mode : modes) {
      CAPTURE(deck, mode);
      ++n;
      std::string dir = test::temp_dir() + "/repro" + std::to_string(n);
      std::string a = export_bytes("SOURCE_DATE_EPOCH=1700000000", deck, mode, dir + "/a.pdf");
      // Another name in another folder: no path may leak into the bytes.
      std::string b = export_bytes("SOURCE_DATE_EPOCH=1700000000", deck, mode,
                                   dir + "/elsewhere/some-other-name.pdf");
      CHECK(a.size() == b.size());
      CHECK(a == b);
      if (test::has(test::read_file(deck), "\ndate: ")) {
        // The deck's own date is the PDF's: another epoch changes nothing.
        std::string c = export_bytes("SOURCE_DATE_EPOCH=1000000000", deck, mode, dir + "/c.pdf");
        CHECK(a == c);
        continue;
      }
      // The date is the epoch's, 2023-11-14 22:13:20 UTC.
      std::string objects = test::pdf_qdf(dir + "/a.pdf");
      CHECK(test::has(objects, "/CreationDate (D:20231114221320"));
      CHECK(test::has(objects, "/ModDate (D:20231114221320"));
      // Another epoch changes only the dates.
      std::string c = export_bytes("SOURCE_DATE_EPOCH=1000000000", deck, mode, dir + "/c.pdf");
      CHECK(test::has(test::pdf_qdf(dir + "/c.pdf"), "/CreationDate (D:20010909014640"));
      CHECK(a != c);
      CHECK(mask_dates(dir + "/a.pdf") == mask_dates(dir + "/c.pdf"));
    }
  }
}

TEST_CASE("without SOURCE_DATE_EPOCH two exports differ only in their dates", "[reliability]") {
  int n = 0;
  for (const std::string& deck : sample_decks()) {
    for (const std::string& mode : modes) {
      CAPTURE(deck, mode);
      ++n;
      std::string dir = test::temp_dir() + "/unrepro" + std::to_string(n);
      export_bytes("-u SOURCE_DATE_EPOCH", deck, mode, dir + "/a.pdf");
      export_bytes("-u SOURCE_DATE_EPOCH", deck, mode, dir + "/b/b.pdf");
      // The masking below has something to mask.
      CHECK(test::has(test::pdf_qdf(dir + "/a.pdf"), "/CreationDate (D:"));
      CHECK(mask_dates(dir + "/a.pdf") == mask_dates(dir + "/b/b.pdf"));
    }
  }
}

TEST_CASE("the trailer /ID is derived from the content", "[reliability]") {
  // pdf/serialize writes an /ID of two equal halves, a hash of the bytes
  // before it: equal for equal files (checked above), and following the
  // content.
  std::string deck = sample_decks().at(0);
  std::string dir = test::temp_dir() + "/id";
  std::string a = export_bytes("SOURCE_DATE_EPOCH=1700000000", deck, "", dir + "/a.pdf");
  std::string b = export_bytes("SOURCE_DATE_EPOCH=1700000000", deck, "--builds", dir + "/b.pdf");
  static const std::regex id(R"(/ID *\[ *<([0-9A-F]{32})> *<([0-9A-F]{32})> *\])");
  std::smatch ma, mb;
  REQUIRE(std::regex_search(a, ma, id));
  REQUIRE(std::regex_search(b, mb, id));
  CHECK(ma[1].str() == ma[2].str());
  CHECK(ma[1].str() != mb[1].str());  // other content, other ID
}
