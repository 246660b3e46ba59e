// PDF/A-2b (--pdfa), the XMP metadata and /Lang: the rules of ISO 19005-2
// that deckpdf's objects touch, each test naming its rule, checked on
// exports read back object by object with qpdf (no PDF/A validator runs
// offline here) and the XMP parsed as XML by pugixml.
#include <hb.h>

#include <algorithm>
#include <array>
#include <catch2/catch.hpp>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <pugixml.hpp>
#include <regex>
#include <set>
#include <sstream>
#include <string_view>

#include "pdf/icc.h"
#include "pdf/metadata.h"
#include "support/paths.h"
#include "support/pdf_reader.h"

using namespace deckpdf;

namespace {

std::string shell(const std::string& cmd) {
  std::string out;
  FILE* p = popen(cmd.c_str(), "r");
  REQUIRE(p);
  std::array<char, 4096> buf;
  while (size_t n = std::fread(buf.data(), 1, buf.size(), p)) out.append(buf.data(), n);
  pclose(p);
  return out;
}

// One object as qpdf prints it ("trailer" or a number), or its stream's
// decoded bytes.
std::string object(const std::string& pdf, const std::string& id, bool stream = false) {
  return shell("qpdf --show-object=" + id + (stream ? " --filtered-stream-data" : "") + " '" + pdf +
               "'");
}

// The object number `key` refers to in a dictionary's text, or "".
std::string ref(const std::string& dict, const std::string& key) {
  std::smatch m;
  if (std::regex_search(dict, m, std::regex("/" + key + " (\\d+) 0 R"))) return m[1];
  return "";
}

std::string catalog(const std::string& pdf) {
  return object(pdf, ref(object(pdf, "trailer"), "Root"));
}

std::string export_deck(const std::string& deck, const std::string& name,
                        const std::string& extra) {
  std::string out = test::temp_dir() + "/" + name + ".pdf";
  auto r = test::run_deckpdf("'" + deck + "' -o '" + out + "' " + extra);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  return out;
}

// The whole file as qpdf --qdf writes it: every stream decoded, objects
// one per block, for scanning what the file holds anywhere.
std::string qdf(const std::string& pdf) {
  REQUIRE(std::system(
              ("qpdf --qdf --object-streams=disable '" + pdf + "' '" + pdf + ".qdf'").c_str()) ==
          0);
  return test::read_file(pdf + ".qdf");
}

// The text of the first element named `name` under `node`, at any depth.
std::string xml_value(const pugi::xml_node& node, const char* name) {
  pugi::xml_node n = node.select_node((std::string("//") + name).c_str()).node();
  if (!n) return "";
  pugi::xml_node li = n.select_node(".//rdf:li").node();
  return (li ? li : n).text().get();
}

struct Xmp {
  std::string bytes, stream_dict;
  pugi::xml_document doc;
  bool parsed = false;
};

void read_xmp(const std::string& pdf, Xmp& x) {
  std::string id = ref(catalog(pdf), "Metadata");
  REQUIRE(!id.empty());
  x.stream_dict = object(pdf, id);
  x.bytes = object(pdf, id, true);
  x.parsed =
      x.doc.load_buffer(x.bytes.data(), x.bytes.size(), pugi::parse_default | pugi::parse_pi);
}

}  // namespace

TEST_CASE(
    "PDF/A-2b 6.6.2.1, 6.6.2.3: the catalog's Metadata is well-formed XMP that names "
    "PDF/A-2B and says what Info says",
    "[pdf][pdfa]") {
  std::string pdf =
      export_deck(test::source_dir() + "/samples/minute.pug", "minute-a", "--pdfa --lang en-GB");
  Xmp x;
  read_xmp(pdf, x);
  // 6.6.2.1: a metadata stream, unfiltered, in the xpacket wrapper with
  // neither bytes nor encoding attributes.
  CHECK(x.stream_dict.find("/Type /Metadata") != std::string::npos);
  CHECK(x.stream_dict.find("/Subtype /XML") != std::string::npos);
  CHECK(x.stream_dict.find("/Filter") == std::string::npos);
  CHECK(x.bytes.starts_with("<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>"));
  CHECK(x.bytes.ends_with("<?xpacket end=\"w\"?>"));
  CHECK(x.bytes.find("bytes=") == std::string::npos);
  CHECK(x.bytes.find("encoding=") == std::string::npos);
  REQUIRE(x.parsed);
  pugi::xml_node root = x.doc.document_element();
  CHECK(std::string(root.name()) == "x:xmpmeta");
  CHECK(xml_value(root, "pdfaid:part") == "2");
  CHECK(xml_value(root, "pdfaid:conformance") == "B");
  // 6.6.2.3.1: each Info entry equals its XMP property.
  std::string info = object(pdf, ref(object(pdf, "trailer"), "Info"));
  CHECK(info.find("/Title (One minute)") != std::string::npos);
  CHECK(xml_value(root, "dc:title") == "One minute");
  CHECK(info.find("/Author (Ada Lovelace)") != std::string::npos);
  CHECK(xml_value(root, "dc:creator") == "Ada Lovelace");
  CHECK(info.find("/Creator (deckpdf)") != std::string::npos);
  CHECK(xml_value(root, "xmp:CreatorTool") == "deckpdf");
  CHECK(info.find("/Producer (deckpdf \\(libharu\\))") != std::string::npos);
  CHECK(xml_value(root, "pdf:Producer") == "deckpdf (libharu)");
  // The dates: the front matter's 2026-03-14, UTC, in both.
  CHECK(info.find("/CreationDate (D:20260314000000Z") != std::string::npos);
  CHECK(info.find("/ModDate (D:20260314000000Z") != std::string::npos);
  CHECK(xml_value(root, "xmp:CreateDate") == "2026-03-14T00:00:00Z");
  CHECK(xml_value(root, "xmp:ModifyDate") == "2026-03-14T00:00:00Z");
  CHECK(xml_value(root, "xmp:MetadataDate") == "2026-03-14T00:00:00Z");
  CHECK(info.find("/Trapped") == std::string::npos);  // 6.6.2.3.1: if present, True or False
  // --lang: the catalog's /Lang and dc:language.
  CHECK(catalog(pdf).find("/Lang (en-GB)") != std::string::npos);
  CHECK(xml_value(root, "dc:language") == "en-GB");
}

TEST_CASE("PDF/A-2b 6.2.3: the output intent is GTS_PDFA1 with an sRGB ICC profile of N 3",
          "[pdf][pdfa]") {
  std::string pdf = export_deck(test::source_dir() + "/samples/beam.pug", "beam-a", "--pdfa");
  std::string cat = catalog(pdf);
  std::smatch m;
  REQUIRE(std::regex_search(cat, m, std::regex("/OutputIntents \\[ <<([^>]*)>> \\]")));
  std::string intent = m[1];
  CHECK(intent.find("/S /GTS_PDFA1") != std::string::npos);
  CHECK(intent.find("/Type /OutputIntent") != std::string::npos);
  CHECK(intent.find("/OutputConditionIdentifier (sRGB IEC61966-2.1)") != std::string::npos);
  std::string id = ref(intent, "DestOutputProfile");
  REQUIRE(!id.empty());
  CHECK(object(pdf, id).find("/N 3") != std::string::npos);
  std::string icc = object(pdf, id, true);
  REQUIRE(icc.size() > 128);
  auto u32 = [&](size_t at) {
    return static_cast<uint32_t>(static_cast<unsigned char>(icc[at])) << 24 |
           static_cast<uint32_t>(static_cast<unsigned char>(icc[at + 1])) << 16 |
           static_cast<uint32_t>(static_cast<unsigned char>(icc[at + 2])) << 8 |
           static_cast<unsigned char>(icc[at + 3]);
  };
  // ICC.1 header: its size, version 2, a display profile of RGB to XYZ.
  CHECK(u32(0) == icc.size());
  CHECK(icc[8] == 2);
  CHECK(icc.substr(12, 4) == "mntr");
  CHECK(icc.substr(16, 4) == "RGB ");
  CHECK(icc.substr(20, 4) == "XYZ ");
  CHECK(icc.substr(36, 4) == "acsp");
  // The tags a v2 display profile needs, the red primary as sRGB's D50 one.
  std::set<std::string> tags;
  double red_x = 0;
  for (uint32_t i = 0, n = u32(128); i < n; ++i) {
    std::string sig = icc.substr(132 + 12 * i, 4);
    tags.insert(sig);
    if (sig == "rXYZ") red_x = static_cast<int32_t>(u32(u32(132 + 12 * i + 4) + 8)) / 65536.0;
  }
  CHECK(tags == std::set<std::string>{"desc", "cprt", "wtpt", "rXYZ", "gXYZ", "bXYZ", "rTRC",
                                      "gTRC", "bTRC"});
  CHECK(red_x == Approx(0.4361).margin(0.0002));
}

TEST_CASE("a tagged document's XMP names PDF/UA-1, with PDF/A's extension schema under --pdfa",
          "[pdf][pdfa]") {
  pdf::DocInfo info;
  info.title = "T";
  info.date = 0;
  for (bool pdfa : {false, true}) {
    CAPTURE(pdfa);
    pdf::RenderOptions options;
    options.pdfa = pdfa;
    options.tagged = true;
    std::string x = pdf::xmp_packet(info, options);
    pugi::xml_document doc;
    REQUIRE(doc.load_buffer(x.data(), x.size(), pugi::parse_default | pugi::parse_pi));
    pugi::xml_node root = doc.document_element();
    CHECK(xml_value(root, "pdfuaid:part") == "1");
    CHECK(xml_value(root, "xmp:CreateDate") == "1970-01-01T00:00:00Z");
    // PDF/A-2 6.6.2.3.2: a property outside its predefined schemas is
    // declared in pdfaExtension:schemas.
    CHECK((xml_value(root, "pdfaSchema:prefix") == "pdfuaid") == pdfa);
    CHECK((xml_value(root, "pdfaSchema:namespaceURI") == "http://www.aiim.org/pdfua/ns/id/") ==
          pdfa);
    CHECK((xml_value(root, "pdfaid:part") == "2") == pdfa);
  }
  pdf::RenderOptions untagged;
  CHECK(pdf::xmp_packet(info, untagged).find("pdfuaid") == std::string::npos);
}

TEST_CASE("the sRGB primaries adapted to D50 by Bradford are the ICC's sRGB values",
          "[pdf][pdfa]") {
  // LittleCMS's own sRGB in the ICC's D50 (transicc -i '*sRGB' -o '*XYZ'
  // of pure red, green and blue), columns red, green, blue.
  const double want[3][3] = {
      {0.4360, 0.3851, 0.1430}, {0.2225, 0.7169, 0.0606}, {0.0139, 0.0971, 0.7139}};
  auto got = pdf::srgb_d50_primaries();
  for (int i = 0; i < 3; ++i) {
    for (int j = 0; j < 3; ++j) {
      CAPTURE(i, j);
      CHECK(got[i][j] == Approx(want[i][j]).margin(0.0002));
    }
  }
  // Each row sums to the D50 white: white in is white out.
  CHECK(got[0][0] + got[0][1] + got[0][2] == Approx(0.9642).margin(0.0001));
  CHECK(got[1][0] + got[1][1] + got[1][2] == Approx(1.0).margin(0.0001));
  CHECK(got[2][0] + got[2][1] + got[2][2] == Approx(0.8249).margin(0.0001));
}

TEST_CASE(
    "without --pdfa: XMP without PDF/A's identification, no output intent, lang: is /Lang, "
    "& < > are escaped",
    "[pdf][pdfa]") {
  std::string dir = test::temp_dir();
  test::write_file(dir + "/esc.pug",
                   "---\ntitle: Fish & <Chips> > Salad\nauthor: A & B\nsubject: Why <b>\n"
                   "lang: de-CH\n---\nsection\n  p Grüezi\n");
  std::string pdf = export_deck(dir + "/esc.pug", "esc", "");
  Xmp x;
  read_xmp(pdf, x);
  INFO(x.bytes);
  REQUIRE(x.parsed);
  pugi::xml_node root = x.doc.document_element();
  CHECK(xml_value(root, "dc:title") == "Fish & <Chips> > Salad");
  CHECK(xml_value(root, "dc:creator") == "A & B");
  CHECK(xml_value(root, "dc:description") == "Why <b>");
  CHECK(xml_value(root, "dc:language") == "de-CH");
  CHECK(x.bytes.find("pdfaid") == std::string::npos);
  std::string cat = catalog(pdf);
  CHECK(cat.find("/Lang (de-CH)") != std::string::npos);
  CHECK(cat.find("/OutputIntents") == std::string::npos);
}

TEST_CASE("the option --lang over lang:, a tag that is not BCP 47 is warned about and left out",
          "[pdf][pdfa]") {
  std::string dir = test::temp_dir();
  test::write_file(dir + "/l.pug", "---\nlang: en_US\n---\nsection\n  p Hi\n");
  std::string out = dir + "/l.pdf";
  auto r = test::run_deckpdf("'" + dir + "/l.pug' -o '" + out + "'");
  REQUIRE(r.exit_code == 0);
  CHECK(r.err.find("l.pug:2:7: warning: front matter lang 'en_US' is not a BCP 47 language tag") !=
        std::string::npos);
  CHECK(catalog(out).find("/Lang") == std::string::npos);
  r = test::run_deckpdf("'" + dir + "/l.pug' -o '" + out + "' --lang fr-CA");
  REQUIRE(r.exit_code == 0);
  CHECK(catalog(out).find("/Lang (fr-CA)") != std::string::npos);
  test::write_file(dir + "/k.pug", "---\nlang: it\n---\nsection\n  p Ciao\n");
  r = test::run_deckpdf("'" + dir + "/k.pug' -o '" + out + "' --lang 'x y'");
  REQUIRE(r.exit_code == 0);
  CHECK(r.err.find("--lang 'x y' is not a BCP 47 language tag") != std::string::npos);
  CHECK(r.err.find("using the deck's, it") != std::string::npos);
  CHECK(catalog(out).find("/Lang (it)") != std::string::npos);
}

TEST_CASE("a reveal.js page's html lang is the PDF's language", "[pdf][pdfa]") {
  std::string dir = test::temp_dir();
  test::write_file(dir + "/page.html",
                   "<!doctype html><html lang=\"fr-CA\"><head><title>Bonjour</title></head>"
                   "<body><div class=\"reveal\"><div class=\"slides\"><section><h1>Salut</h1>"
                   "</section></div></div></body></html>\n");
  std::string pdf = export_deck(dir + "/page.html", "page", "");
  CHECK(catalog(pdf).find("/Lang (fr-CA)") != std::string::npos);
  Xmp x;
  read_xmp(pdf, x);
  REQUIRE(x.parsed);
  CHECK(xml_value(x.doc.document_element(), "dc:language") == "fr-CA");
  CHECK(xml_value(x.doc.document_element(), "dc:title") == "Bonjour");
}

TEST_CASE("PDF/A-2b 6.3.2, 6.5.1: every annotation is printable, links are GoTo or URI only",
          "[pdf][pdfa]") {
  std::string pdf =
      export_deck(test::source_dir() + "/tests/pdf/decks/nav.pug", "nav-a", "--pdfa --builds");
  std::string all = qdf(pdf);
  size_t links = 0;
  // Each annotation dictionary: /F with the Print bit, no /AA; its action
  // (when it has one) a /URI.
  for (size_t at = 0, end; (end = all.find("endobj", at)) != std::string::npos; at = end + 6) {
    std::string d = all.substr(at, end - at);
    if (d.find("/Type /Annot") == std::string::npos) continue;
    ++links;
    CAPTURE(d);
    CHECK(d.find("/Subtype /Link") != std::string::npos);
    std::smatch f;
    REQUIRE(std::regex_search(d, f, std::regex("/F (\\d+)")));
    CHECK((std::stoi(f[1]) & 4) != 0);
    CHECK((std::stoi(f[1]) & (1 | 2 | 32)) == 0);  // not invisible, hidden or NoView
    CHECK(d.find("/AA") == std::string::npos);
    CHECK((d.find("/Dest") != std::string::npos || d.find("/S /URI") != std::string::npos));
  }
  CHECK(links >= 3);
  for (const char* forbidden : {"/JavaScript", "/Launch", "/AA", "/Encrypt", "/LZWDecode",
                                "/Interpolate true", "/Trapped"}) {
    CAPTURE(forbidden);
    CHECK(all.find(forbidden) == std::string::npos);
  }
}

namespace {

// Whether a text-showing operator in the file's content draws CID 0
// (Identity-H: two bytes per glyph). qpdf --qdf writes content one
// operator a line and its strings in hex.
bool shows_notdef(const std::string& qdf_text) {
  for (size_t at = 0, end; (end = qdf_text.find('\n', at)) != std::string::npos; at = end + 1) {
    std::string_view line(qdf_text.data() + at, end - at);
    if (!line.ends_with(" TJ") && !line.ends_with(" Tj")) continue;
    for (size_t i = 0; (i = line.find('<', i)) != std::string_view::npos;) {
      size_t close = line.find('>', i);
      if (close == std::string_view::npos) break;
      std::string_view hex = line.substr(i + 1, close - i - 1);
      for (size_t k = 0; k + 4 <= hex.size(); k += 4) {
        if (hex.substr(k, 4) == "0000") return true;
      }
      i = close;
    }
  }
  return false;
}

}  // namespace

TEST_CASE(
    "PDF/A-2b 6.2.11.8: under --pdfa no text shows .notdef, the box is drawn as a path and "
    "the character still extracts",
    "[pdf][pdfa]") {
  std::string dir = test::temp_dir();
  // U+10FFFD, a private-use character of plane 16: in no font.
  test::write_file(dir + "/missing.pug",
                   "section\n  p(style=\"font-size: 200px; margin: 0\") a\xF4\x8F\xBF\xBD"
                   "b\n");
  std::string plain = export_deck(dir + "/missing.pug", "missing", "--theme white");
  CHECK(shows_notdef(qdf(plain)));  // the check sees .notdef where it is shown
  std::string pdf = export_deck(dir + "/missing.pug", "missing-a", "--theme white --pdfa");
  CHECK_FALSE(shows_notdef(qdf(pdf)));
  test::Raster a = test::pdf_render_page(plain, 0), b = test::pdf_render_page(pdf, 0);
  REQUIRE(a.width > 0);
  REQUIRE(a.argb.size() == b.argb.size());
  size_t differ = 0, dark = 0;
  for (size_t i = 0; i < a.argb.size(); ++i) {
    differ += (a.argb[i] & 0xFF) / 64 != (b.argb[i] & 0xFF) / 64;
    dark += (b.argb[i] & 0xFF) < 0x80;
  }
  CHECK(dark > 500);                    // the letters and the box
  CHECK(differ < a.argb.size() / 200);  // drawn where it was, as it was (edge pixels aside)
  test::PdfDoc doc = test::pdf_read(pdf);
  REQUIRE(doc.pages.size() == 1);
  CHECK(doc.pages[0].text.find("a\xF4\x8F\xBF\xBD"
                               "b") != std::string::npos);
}

TEST_CASE(
    "PDF/A-2b 6.2.4.3: under --pdfa a CMYK JPEG is inks through DeviceRGB, never "
    "DeviceCMYK, in the colours PDF 32000 gives CMYK in RGB",
    "[pdf][pdfa]") {
  std::string deck = test::source_dir() + "/tests/image/kinds.pug";
  std::string plain = export_deck(deck, "kinds", "--slides 6");
  std::string pdf = export_deck(deck, "kinds-a", "--slides 6 --pdfa");
  CHECK(qdf(plain).find("/DeviceCMYK") != std::string::npos);
  std::string all = qdf(pdf);
  CHECK(all.find("/DeviceCMYK") == std::string::npos);
  CHECK(all.find("/DeviceN") != std::string::npos);
  // The halves are cyan and yellow inks (make-pictures.sh), drawn as PDF
  // 32000 10.4.2 converts CMYK to RGB (poppler's own DeviceCMYK models
  // inks: 0x00aeef, 0xfff200, which the 70 of tests/image allows).
  test::Raster page = test::pdf_render_page(pdf, 0);
  REQUIRE(page.width > 0);
  for (auto [x, want] : {std::pair{page.width / 4, 0x00ffffu}, {3 * page.width / 4, 0xffff00u}}) {
    uint32_t got = page.at(x, page.height / 2);
    for (int shift : {0, 8, 16}) {
      CAPTURE(x, got, shift);
      int g = static_cast<int>(got >> shift & 0xFF), w = static_cast<int>(want >> shift & 0xFF);
      CHECK(std::abs(g - w) <= 24);
    }
  }
}

TEST_CASE(
    "PDF/A-2b 6.1.2, 6.1.3, 6.1.7.1: a 1.7 header with a binary comment, a trailer /ID, "
    "no /Encrypt, streams framed by end-of-lines",
    "[pdf][pdfa]") {
  std::string pdf = export_deck(test::source_dir() + "/samples/beam.pug", "frame-a", "--pdfa");
  std::string bytes = test::read_file(pdf);
  // 6.1.2: %PDF-1.n (n at most 7), then a comment of at least four bytes
  // above 127.
  REQUIRE(bytes.size() > 16);
  CHECK(bytes.substr(0, 9) == "%PDF-1.7\n");
  CHECK(bytes[9] == '%');
  for (int i = 10; i < 14; ++i)
    CHECK(static_cast<unsigned char>(bytes[static_cast<size_t>(i)]) > 127);
  // 6.1.3: the trailer has an /ID of two strings and no /Encrypt.
  std::string trailer = object(pdf, "trailer");
  CHECK(std::regex_search(trailer, std::regex("/ID \\[ <[0-9a-f]{32}> <[0-9a-f]{32}> \\]")));
  CHECK(trailer.find("/Encrypt") == std::string::npos);
  // 6.1.7.1: each stream keyword ends its line and each endstream starts
  // one (qpdf checks every /Length).
  size_t streams = 0;
  for (size_t at = 0; (at = bytes.find("endstream", at)) != std::string::npos; at += 9) {
    ++streams;
    CHECK(bytes[at - 1] == '\n');
  }
  CHECK(streams > 5);
  CHECK(std::system(("qpdf --check '" + pdf + "' >/dev/null 2>&1").c_str()) == 0);
}

namespace {

// The objects of a qpdf --qdf file by number: each one's text up to
// "endobj" (a stream's decoded bytes included).
std::map<std::string, std::string> qdf_objects(const std::string& text) {
  std::map<std::string, std::string> out;
  std::regex head("\\n(\\d+) 0 obj\\n");
  for (std::sregex_iterator it(text.begin(), text.end(), head), end; it != end; ++it) {
    size_t from = static_cast<size_t>(it->position(0) + it->length(0));
    size_t to = text.find("\nendobj", from);
    if (to != std::string::npos) out[(*it)[1]] = text.substr(from, to - from);
  }
  return out;
}

// A stream object's data in qdf text: between "stream\n" and "endstream".
std::string stream_data(const std::string& obj) {
  size_t at = obj.find(">>\nstream\n");
  size_t end = obj.rfind("endstream");
  if (at == std::string::npos || end == std::string::npos) return "";
  at += 10;
  return obj.substr(at, end > at ? end - at - 1 : 0);  // the EOL before endstream
}

// A /W array, [first [w1 w2 ...] first [...]], as glyph id -> width.
std::map<uint32_t, int> widths(const std::string& dict) {
  std::map<uint32_t, int> out;
  size_t at = dict.find("/W [");
  if (at == std::string::npos) return out;
  std::string tokens;
  int depth = 0;
  for (size_t i = at + 3; i < dict.size(); ++i) {
    char c = dict[i];
    depth += c == '[' ? 1 : c == ']' ? -1 : 0;
    tokens += c == '[' || c == ']' ? std::string(" ") + c + " " : std::string(1, c);
    if (depth == 0) break;
  }
  std::istringstream in(tokens);
  std::string tok;
  long first = -1;
  uint32_t next = 0;
  bool inner = false;
  in >> tok;  // the outer [
  while (in >> tok) {
    if (tok == "[") {
      inner = true;
      next = static_cast<uint32_t>(first);
    } else if (tok == "]") {
      if (!inner) break;
      inner = false;
    } else if (inner) {
      out[next++] = std::stoi(tok);
    } else {
      first = std::stol(tok);
    }
  }
  return out;
}

}  // namespace

TEST_CASE(
    "PDF/A-2b 6.2.11: in every sample and mode, fonts are embedded, CIDFontType2 has "
    "CIDToGIDMap, /W is the font program's widths, and nothing PDF/A forbids is written",
    "[pdf][pdfa]") {
  std::vector<std::string> decks;
  for (const auto& e : std::filesystem::directory_iterator(test::source_dir() + "/samples")) {
    if (e.path().extension() == ".pug") decks.push_back(e.path().string());
  }
  std::sort(decks.begin(), decks.end());
  REQUIRE(decks.size() >= 3);
  size_t fonts_checked = 0;
  int deepest_seen = 0;
  for (const std::string& deck : decks) {
    for (const char* mode : {"", "--builds", "--handout"}) {
      CAPTURE(deck, mode);
      std::string name =
          std::filesystem::path(deck).stem().string() + "-corpus" + std::to_string(fonts_checked);
      std::string all = qdf(export_deck(deck, name, std::string("--pdfa ") + mode));
      for (const char* forbidden :
           {"/JavaScript", "/Launch", "/AA", "/Encrypt", "/LZWDecode", "/Interpolate true",
            "/Alternates", "/OPI", "/PS ", "/DeviceCMYK", "/EmbeddedFiles", "/TR ", "/TR2"}) {
        CAPTURE(forbidden);
        CHECK(all.find(forbidden) == std::string::npos);
      }
      std::map<std::string, std::string> objects = qdf_objects(all);
      for (const auto& [id, obj] : objects) {
        // 6.1.13: q nesting at most 28 deep in each content stream (qdf
        // writes their strings in hex, so a q token is an operator).
        if (obj.find("\nstream\n") != std::string::npos &&
            obj.find("/Length1") == std::string::npos) {
          int depth = 0, deepest = 0;
          std::istringstream tokens(stream_data(obj));
          for (std::string t; tokens >> t;) {
            if (t == "q") deepest = std::max(deepest, ++depth);
            if (t == "Q") --depth;
          }
          CHECK(deepest <= 28);
          deepest_seen = std::max(deepest_seen, deepest);
        }
        if (obj.find("/Type /FontDescriptor") != std::string::npos) {
          CHECK((obj.find("/FontFile2") != std::string::npos ||
                 obj.find("/FontFile3") != std::string::npos));  // 6.2.11.4.1
        }
        if (obj.find("/Subtype /Type0") != std::string::npos) {
          CHECK(obj.find("/Encoding /Identity-H") != std::string::npos);  // 6.2.11.3.3
          CHECK(obj.find("/ToUnicode") != std::string::npos);
        }
        if (obj.find("/Subtype /CIDFontType2") == std::string::npos) continue;
        CHECK(obj.find("/CIDToGIDMap /Identity") != std::string::npos);  // 6.2.11.3.2
        // 6.2.11.5: each /W width is the embedded program's advance (in
        // 1/1000 em, rounded).
        std::string fd = ref(obj, "FontDescriptor");
        REQUIRE(objects.count(fd));
        std::string file = ref(objects[fd], "FontFile2");
        REQUIRE(objects.count(file));
        std::string program = stream_data(objects[file]);
        hb_blob_t* blob = hb_blob_create(program.data(), static_cast<unsigned>(program.size()),
                                         HB_MEMORY_MODE_READONLY, nullptr, nullptr);
        hb_face_t* face = hb_face_create(blob, 0);
        hb_font_t* font = hb_font_create(face);
        double upem = hb_face_get_upem(face);
        std::map<uint32_t, int> w = widths(obj);
        CHECK_FALSE(w.empty());
        for (const auto& [gid, width] : w) {
          CAPTURE(gid);
          double advance = hb_font_get_glyph_h_advance(font, gid) * 1000.0 / upem;
          CHECK(std::abs(width - advance) <= 1);
        }
        hb_font_destroy(font);
        hb_face_destroy(face);
        hb_blob_destroy(blob);
        ++fonts_checked;
      }
    }
  }
  CHECK(fonts_checked >= 10);
  CHECK(deepest_seen >= 2);  // the count sees content
}
