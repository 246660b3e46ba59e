// The PDF's structure: page label ranges, the stream queue, and what a big
// deck's file shares between pages.
#include <hpdf.h>
#include <hpdf_doc.h>
#include <hpdf_objects.h>
#include <libdeflate.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <fstream>
#include <regex>

#include "pdf/deflate.h"
#include "pdf/writer.h"
#include "support/paths.h"
#include "support/pdf_reader.h"

using namespace deckpdf;
using pdf::LabelRange;

TEST_CASE("page labels: counting pages are one decimal range, build pages one prefix each",
          "[pdf]") {
  using V = std::vector<LabelRange>;
  CHECK(pdf::page_label_ranges({}).empty());
  CHECK(pdf::page_label_ranges({"1", "2", "3", "4"}) == V{{0, "", 1}});
  CHECK(pdf::page_label_ranges({"1"}) == V{{0, "1", 0}});
  // Builds: every page of slide 2 is "2".
  CHECK(pdf::page_label_ranges({"1", "1", "2", "2", "2", "3"}) ==
        V{{0, "1", 0}, {2, "2", 0}, {5, "3", 0}});
  // A vertical stack interrupts the count; numbering picks up again.
  CHECK(pdf::page_label_ranges({"1", "2.1", "2.2", "3", "4", "5"}) ==
        V{{0, "1", 0}, {1, "2.1", 0}, {2, "2.2", 0}, {3, "", 3}});
  // --slides 5-7: the count starts at 5.
  CHECK(pdf::page_label_ranges({"5", "6", "7"}) == V{{0, "", 5}});
  // Not numbers: leading zeros, gaps, repeats after a count.
  CHECK(pdf::page_label_ranges({"01", "02"}) == V{{0, "01", 0}, {1, "02", 0}});
  CHECK(pdf::page_label_ranges({"1", "3"}) == V{{0, "1", 0}, {1, "3", 0}});
  CHECK(pdf::page_label_ranges({"1", "2", "2"}) == V{{0, "", 1}, {2, "2", 0}});
}

namespace {

std::string stream_bytes(HPDF_Dict d) {
  std::string out(HPDF_Stream_Size(d->stream), '\0');
  HPDF_UINT n = static_cast<HPDF_UINT>(out.size());
  HPDF_Stream_Seek(d->stream, 0, HPDF_SEEK_SET);
  HPDF_Stream_Read(d->stream, reinterpret_cast<HPDF_BYTE*>(out.data()), &n);
  out.resize(n);
  return out;
}

std::string inflate_bytes(const std::string& in) {
  std::string out(1 << 22, '\0');
  size_t n = 0;
  libdeflate_decompressor* d = libdeflate_alloc_decompressor();
  REQUIRE(d);
  auto rc = libdeflate_zlib_decompress(d, in.data(), in.size(), out.data(), out.size(), &n);
  libdeflate_free_decompressor(d);
  REQUIRE(rc == LIBDEFLATE_SUCCESS);
  out.resize(n);
  return out;
}

}  // namespace

TEST_CASE("the stream queue compresses on several threads what compression shrinks", "[pdf]") {
  HPDF_Doc doc = HPDF_New(nullptr, nullptr);
  REQUIRE(doc);
  std::vector<std::string> contents;
  // Past the queue's threshold for threads: 300 streams of ~2 KB.
  for (int i = 0; i < 300; ++i) {
    std::string s;
    for (int k = 0; k < 40; ++k)
      s += "BT /F1 12 Tf 1 0 0 1 " + std::to_string(i * k) + " 0 Tm ET\n";
    contents.push_back(s);
  }
  contents.push_back("q Q\n");  // too short to gain from compression
  std::vector<HPDF_Dict> dicts;
  {
    pdf::StreamQueue queue;
    for (const std::string& c : contents) {
      dicts.push_back(HPDF_DictStream_New(doc->mmgr, doc->xref));
      queue.add(dicts.back(), c);
    }
    queue.flush();
  }
  for (size_t i = 0; i + 1 < contents.size(); ++i) {
    std::string packed = stream_bytes(dicts[i]);
    CHECK(packed.size() < contents[i].size());
    CHECK(inflate_bytes(packed) == contents[i]);
    // Named /FlateDecode, and not to be compressed again.
    CHECK(dicts[i]->filter == (HPDF_STREAM_FILTER_FLATE_DECODE | pdf::stream_deflated));
  }
  CHECK(stream_bytes(dicts.back()) == "q Q\n");
  CHECK(dicts.back()->filter == HPDF_STREAM_FILTER_NONE);
  HPDF_Free(doc);
}

namespace {

// A deck big enough that page content is compressed on several threads.
std::string big_deck(int slides) {
  std::string s = "---\ntitle: Big\n---\n";
  for (int i = 1; i <= slides; ++i) {
    s += "section\n  h2 Slide " + std::to_string(i) + " (with) \\ parentheses\n  ul\n";
    for (int k = 0; k < 4; ++k) {
      s += std::string("    li") + (k >= 2 ? ".fragment" : "") + " item " + std::to_string(k) +
           " of slide " + std::to_string(i) + ": {[( )]} \\ café — naïve\n";
    }
  }
  return s;
}

}  // namespace

TEST_CASE("a big deck's PDF is the same bytes every time and reads back page by page", "[pdf]") {
  std::string deck = test::temp_dir() + "/big.pug";
  { std::ofstream(deck) << big_deck(400); }
  std::string a = test::temp_dir() + "/big-a.pdf", b = test::temp_dir() + "/big-b.pdf";
  setenv("SOURCE_DATE_EPOCH", "0", 1);
  auto r1 = test::run_deckpdf("'" + deck + "' --builds -o '" + a + "'");
  auto r2 = test::run_deckpdf("'" + deck + "' --builds -o '" + b + "'");
  unsetenv("SOURCE_DATE_EPOCH");
  REQUIRE(r1.exit_code == 0);
  REQUIRE(r2.exit_code == 0);
  std::string bytes = test::read_file(a);
  CHECK(bytes == test::read_file(b));
  test::PdfDoc doc = test::pdf_read(a);
  REQUIRE(doc.pages.size() == 1200);
  CHECK(doc.warnings.empty());
  // Page 3 of slide 317: everything; page 2: not the last item yet.
  const test::PdfPage& last = doc.pages[316 * 3 + 2];
  CHECK(last.label == "317");
  CHECK(test::squash_spaces(last.text).find("Slide 317 (with) \\ parentheses") !=
        std::string::npos);
  CHECK(test::squash_spaces(last.text).find("item 3 of slide 317: {[( )]} \\ café — naïve") !=
        std::string::npos);
  CHECK(doc.pages[316 * 3 + 1].text.find("item 3") == std::string::npos);
  CHECK(doc.pages[316 * 3 + 1].text.find("item 2 of slide 317") != std::string::npos);
  // One resource dictionary and one page size, in the page tree's root
  // (qpdf sorts the keys), and no page with a size of its own.
  std::string objects = test::pdf_qdf(a);
  CHECK(std::regex_search(objects, std::regex(R"(/Count 1200\n *)"
                                              R"(/Kids \[[^\]]*\]\n *)"
                                              R"(/MediaBox \[\s*0\s+0\s+960\s+540\s*\]\n *)"
                                              R"(/Resources \d+ 0 R\n *)"
                                              R"(/Type /Pages\n)")));
  auto count = [&](const std::string& what) {
    size_t n = 0;
    for (size_t at = objects.find(what); at != std::string::npos; at = objects.find(what, at + 1))
      ++n;
    return n;
  };
  CHECK(count("/Type /Page\n") == 1200);
  CHECK(count("/MediaBox") == 1);
  if (std::system("command -v qpdf >/dev/null 2>&1") == 0) {
    CHECK(std::system(("qpdf --check '" + a + "' >/dev/null").c_str()) == 0);
  }
}

TEST_CASE("an empty slide is a page with an empty content stream", "[pdf]") {
  std::string deck = test::temp_dir() + "/empty.pug";
  {
    std::ofstream(deck) << "section\nsection\n  h2 Two\nsection(data-background-color=\"#000\")\n";
  }
  std::string out = test::temp_dir() + "/empty.pdf";
  REQUIRE(test::run_deckpdf("'" + deck + "' -o '" + out + "'").exit_code == 0);
  test::PdfDoc doc = test::pdf_read(out);
  REQUIRE(doc.pages.size() == 3);
  CHECK(doc.warnings.empty());
  CHECK(test::squash_spaces(doc.pages[0].text).empty());
  CHECK(test::squash_spaces(doc.pages[1].text) == "Two");
  CHECK(test::pdf_render_page(out, 2).at(10, 10) == 0xFF000000u);  // the black background
  std::string objects = test::pdf_qdf(out);
  CHECK(objects.find("/Type /Page\n") != std::string::npos);
  CHECK_FALSE(std::regex_search(objects, std::regex(R"(/Contents \[\s*\])")));
  if (std::system("command -v qpdf >/dev/null 2>&1") == 0) {
    CHECK(std::system(("qpdf --check '" + out + "' >/dev/null").c_str()) == 0);
  }
}

TEST_CASE("a slide of many steps: each build page references a bounded number of streams",
          "[pdf]") {
  // Page k of a slide reuses the streams of page k - 1 and adds one; past
  // 32 streams its content is written again as one stream, which the next
  // pages reuse, so references stay bounded and the file grows far less
  // than with the square of the steps.
  std::string deck = test::temp_dir() + "/steps.pug";
  {
    std::ofstream f(deck);
    f << "section\n  p";  // 150 words, each its own step
    for (int k = 0; k < 150; ++k) f << " #[span.fragment s" << k << "]";
    f << "\n";
  }
  std::string out = test::temp_dir() + "/steps.pdf";
  REQUIRE(test::run_deckpdf("'" + deck + "' --builds -q -o '" + out + "'").exit_code == 0);
  test::PdfDoc doc = test::pdf_read(out);
  REQUIRE(doc.pages.size() == 151);
  CHECK(doc.warnings.empty());
  CHECK(test::squash_spaces(doc.pages[150].text).find("s147 s148 s149") != std::string::npos);
  CHECK(doc.pages[149].text.find("s149") == std::string::npos);
  CHECK(test::squash_spaces(doc.pages[149].text).find("s147 s148") != std::string::npos);
  CHECK(doc.pages[1].text.find("s1") == std::string::npos);
  std::string objects = test::pdf_qdf(out);
  std::regex array(R"(/Contents \[([^\]]*)\])");
  size_t most = 0, arrays = 0;
  for (std::sregex_iterator it(objects.begin(), objects.end(), array), end; it != end; ++it) {
    std::string refs = (*it)[1];
    most = std::max<size_t>(most, static_cast<size_t>(std::count(refs.begin(), refs.end(), 'R')));
    ++arrays;
  }
  CHECK(arrays > 100);
  CHECK(most <= 32);
  CHECK(test::read_file(out).size() < 300'000);
}
