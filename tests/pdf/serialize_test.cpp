// pdf/serialize read back by qpdf and poppler: PDF 1.7 with object streams
// and a cross-reference stream, names and strings that decode to what
// libharu held, an /ID that hashes the bytes, and the size a build page
// costs.
#include "pdf/serialize.h"

#include <hpdf.h>
#include <hpdf_doc.h>
#include <hpdf_encrypt.h>
#include <hpdf_objects.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <cstdlib>
#include <regex>
#include <string>

#include "support/paths.h"
#include "support/pdf_reader.h"

using namespace deckpdf;

namespace {

// What a command prints on stdout.
std::string output_of(const std::string& command) {
  std::string out;
  if (FILE* p = popen(command.c_str(), "r")) {
    char buf[4096];
    for (size_t n; (n = fread(buf, 1, sizeof buf, p)) > 0;) out.append(buf, n);
    pclose(p);
  }
  return out;
}

bool has(const std::string& hay, const std::string& needle) {
  return hay.find(needle) != std::string::npos;
}

size_t count(const std::string& hay, const std::string& needle) {
  size_t n = 0;
  for (size_t at = hay.find(needle); at != std::string::npos; at = hay.find(needle, at + 1)) ++n;
  return n;
}

// A deck like bench/gen_deck.py's: a heading, four bullets of which the
// last two are fragments, and Markdown notes on every slide.
std::string bench_like_deck(int slides) {
  static const char* words[] = {"cluster", "mailbox", "supervisor", "latency", "actor",
                                "runtime", "message", "throughput", "queue",   "telemetry"};
  auto phrase = [&](int seed, int n) {
    std::string s;
    for (int k = 0; k < n; ++k) s += std::string(k ? " " : "") + words[(seed * 7 + k * 3) % 10];
    return s;
  };
  std::string s = "---\ntitle: Bench-like deck\n---\n";
  for (int i = 1; i <= slides; ++i) {
    s += "section\n  h2 Slide " + std::to_string(i) + ": " + phrase(i, 3) + "\n  ul\n";
    for (int k = 0; k < 4; ++k)
      s += std::string("    li") + (k >= 2 ? ".fragment" : "") + " " + phrase(i + k, 5 + k) + "\n";
    s += "  aside.notes\n    :markdown-it\n      Notes for slide " + std::to_string(i) + ": " +
         phrase(i, 8) + ".\n      - " + phrase(i + 1, 6) + "\n      - `" + phrase(i + 2, 1) +
         "` and " + phrase(i + 3, 4) + "\n";
  }
  return s;
}

// Exported with a fixed creation date, so that two exports can be equal.
std::string export_deck(const std::string& deck, const std::string& name,
                        const std::string& flags = "") {
  std::string out = test::temp_dir() + "/" + name + ".pdf";
  setenv("SOURCE_DATE_EPOCH", "1700000000", 1);
  auto r = test::run_deckpdf("'" + deck + "' -q " + flags + " -o '" + out + "'");
  unsetenv("SOURCE_DATE_EPOCH");
  REQUIRE(r.exit_code == 0);
  return out;
}

}  // namespace

TEST_CASE("the PDF is 1.7 with object streams, a cross-reference stream and a hashed /ID",
          "[pdf]") {
  std::string deck = test::temp_dir() + "/serialize-deck.pug";
  test::write_file(deck, bench_like_deck(30));
  for (const char* mode : {"", "--builds", "--handout"}) {
    CAPTURE(mode);
    std::string pdf = export_deck(deck, std::string("serialize") + (mode[0] ? mode + 1 : ""), mode);
    std::string bytes = test::read_file(pdf);
    // The header and a comment of bytes above 127.
    REQUIRE(bytes.rfind("%PDF-1.7\n%", 0) == 0);
    CHECK(static_cast<unsigned char>(bytes[10]) > 127);
    CHECK(std::system(("qpdf --check '" + pdf + "' >/dev/null 2>&1").c_str()) == 0);
    test::PdfDoc doc = test::pdf_read(pdf);
    CHECK(doc.warnings.empty());
    CHECK(doc.pages.size() == (std::string(mode) == "--builds" ? 90u : 30u));
    CHECK(has(test::squash_spaces(doc.pages.back().text), "Slide 30:"));

    // Every object that is not a stream is in an object stream: the page
    // dictionaries, the catalog, the info; streams have direct lengths.
    std::string xref = output_of("qpdf --show-xref '" + pdf + "'");
    size_t packed = count(xref, ": compressed; stream = ");
    size_t plain = count(xref, ": uncompressed; offset = ");
    CHECK(packed > doc.pages.size());
    CHECK(xref.rfind("1/0: compressed; stream = ", 0) == 0);  // the catalog is object 1
    CHECK(plain == count(bytes, " 0 obj\n"));
    CHECK(count(bytes, "/Type/ObjStm/N ") ==
          (packed + pdf::objects_per_stream - 1) / pdf::objects_per_stream);
    CHECK_FALSE(std::regex_search(bytes, std::regex(R"(/Length \d+ \d+ R)")));
    // Numbered densely: objects 1..Size-1 all in use.
    std::string trailer = output_of("qpdf --show-object=trailer '" + pdf + "'");
    std::smatch m;
    REQUIRE(std::regex_search(trailer, m, std::regex(R"(/Size (\d+))")));
    CHECK(std::stoul(m[1]) == packed + plain + 1);
    CHECK(has(trailer, "/Type /XRef"));
    CHECK(has(trailer, "/Root 1 0 R"));

    // The /ID: two equal halves, the MD5 of every byte before the
    // cross-reference stream (which startxref gives).
    REQUIRE(std::regex_search(trailer, m,
                              std::regex(R"(/ID \[ <([0-9a-f]{32})> <([0-9a-f]{32})> \])")));
    CHECK(m[1] == m[2]);
    size_t at = bytes.rfind("startxref\n");
    REQUIRE(at != std::string::npos);
    size_t xref_at = std::stoul(bytes.substr(at + 10));
    HPDF_MD5_CTX md5;
    HPDF_MD5Init(&md5);
    HPDF_MD5Update(&md5, reinterpret_cast<const HPDF_BYTE*>(bytes.data()),
                   static_cast<HPDF_UINT32>(xref_at));
    HPDF_BYTE digest[16];
    HPDF_MD5Final(digest, &md5);
    std::string hex;
    for (HPDF_BYTE b : digest) hex += "0123456789abcdef"[b >> 4], hex += "0123456789abcdef"[b & 15];
    CHECK(m[1] == hex);

    // The same deck again: the same bytes.
    CHECK(test::read_file(export_deck(deck, "serialize-again", mode)) == bytes);
  }
}

TEST_CASE("names and strings decode to the bytes libharu held", "[pdf]") {
  HPDF_Doc doc = HPDF_New(nullptr, nullptr);
  REQUIRE(doc);
  HPDF_AddPage(doc);
  HPDF_Dict probe = HPDF_Dict_New(doc->mmgr);
  // A name with a space, a '#', a delimiter and a byte above 127; a string
  // with parentheses (one unbalanced), a backslash, a carriage return and
  // bytes above 127; a real libharu writes in its short form.
  HPDF_Dict_AddName(probe, "N", "a b#c(d)/\xC3\xA9");
  HPDF_Dict_Add(probe, "S", HPDF_String_New(doc->mmgr, "(x)) \\ \r\n caf\xC3\xA9 \xFF", nullptr));
  HPDF_Dict_AddReal(probe, "R", 0.5f);
  HPDF_Dict_Add(doc->catalog, "Probe", probe);
  std::string bytes, error;
  REQUIRE(pdf::serialize(doc, bytes, error));
  CHECK(error.empty());
  HPDF_Free(doc);
  std::string path = test::temp_dir() + "/escapes.pdf";
  test::write_file(path, bytes);
  REQUIRE(std::system(("qpdf --check '" + path + "' >/dev/null 2>&1").c_str()) == 0);
  std::string json = output_of("qpdf --json=2 --json-key=qpdf '" + path + "'");
  CAPTURE(json);
  // qpdf's JSON shows what they decode to: the name's bytes, and the
  // string's bytes read as PDFDocEncoding (0xC3 0xA9 is "Ã©", 0xFF "ÿ").
  CHECK(has(json, "\"/N\": \"/a b#c(d)/\xC3\xA9\""));
  CHECK(has(json, R"("/S": "u:(x)) \\ \r\n caf)"
                  "\xC3\x83\xC2\xA9 \xC3\xBF\""));
  CHECK(has(json, "\"/R\": 0.5"));
}

TEST_CASE("a build page costs its page dictionary and what its step reveals", "[pdf]") {
  // The bench deck's shape: two fragment steps per slide. Each build page
  // is a page dictionary, packed with the others, and one content stream
  // with what its step reveals, compressed on its own (a stream cannot go
  // in an object stream). libharu's writer added ~180 bytes of framing per
  // page (an indirect /Length, xref lines, a page object of its own).
  std::string deck = test::temp_dir() + "/serialize-size.pug";
  test::write_file(deck, bench_like_deck(200));
  std::string slides_pdf = export_deck(deck, "size-slides");
  std::string builds_pdf = export_deck(deck, "size-builds", "--builds");
  auto slides = static_cast<double>(test::read_file(slides_pdf).size());
  auto builds = static_cast<double>(test::read_file(builds_pdf).size());
  double per_extra_page = (builds - slides) / 400;
  CAPTURE(slides, builds, builds / slides, per_extra_page);
  // 449 bytes with libharu's writer, 268 now: what is left is the step's
  // own content and its stream's ~70 bytes of framing.
  CHECK(per_extra_page < 300);
}
