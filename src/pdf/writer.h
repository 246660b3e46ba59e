// pdf — the only stage that includes libharu. Pages become a PDF:
//   * each face used is one Type0/CIDFontType2 font (Identity-H, CID =
//     glyph id), its file subset by hb-subset, with /W widths and a
//     ToUnicode CMap built from the shaped text, so text extracts exactly;
//   * page content is written in units (a layer of a slide as a page
//     places it), runs of units as content streams that later pages reuse
//     through /Contents arrays: a build page adds only what its step
//     reveals; dimmed layers are Form XObjects (transparency groups);
//   * what every page shares (MediaBox, resources) sits in the page tree's
//     root; page labels are decimal ranges where they count up;
//   * libharu is the object model only: pdf/serialize writes the file
//     (PDF 1.7, object streams, a cross-reference stream, a hashed /ID).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "compose/page.h"
#include "text/font_set.h"

namespace deckpdf::pdf {

struct DocInfo {
  std::string title, author, subject, keywords;
  std::string creator = "deckpdf";
  std::string lang;  // BCP 47 (checked before): the catalog's /Lang, XMP's dc:language
  // Creation date, seconds since the epoch (SOURCE_DATE_EPOCH when set).
  std::optional<int64_t> date;
};

struct RenderOptions {
  // --image-dpi: a picture with more pixels than this many per inch at the
  // largest size it is drawn is stored smaller; 0 keeps every picture.
  int image_dpi = 0;
  // --pdfa: PDF/A-2b (pdf/metadata.h: identification, sRGB output intent;
  // annotations printable, no .notdef glyph drawn, CMYK pictures through
  // the RGB intent).
  bool pdfa = false;
  // --tagged: a structure tree (PDF/UA-1's tagged PDF; pdf/structure.h),
  // and XMP names PDF/UA-1.
  bool tagged = false;
};

// Renders the pages into PDF bytes. Returns false with `error` set when
// libharu reports a failure.
bool pdf_render(const std::vector<compose::Page>& pages, const text::FontSet& fonts,
                const DocInfo& info, std::string& bytes, std::string& error,
                const RenderOptions& options = {});

// /PageLabels ranges (PDF 32000 12.4.2) for per-page labels: a range that
// counts up in decimal ("1", "2", "3") is one /S /D range from `start`; a
// run of equal labels (a slide's build pages, "3.2") is one /P range.
struct LabelRange {
  size_t first = 0;    // the range's first page, 0-based
  std::string prefix;  // /P: every page of the range shows this label
  long start = 0;      // > 0: decimal numbering from `start` (/S /D /St)
  bool operator==(const LabelRange&) const = default;
};
std::vector<LabelRange> page_label_ranges(const std::vector<std::string>& labels);

}  // namespace deckpdf::pdf
