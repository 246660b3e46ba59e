// pdf — the only stage that includes libharu. Pages become a PDF:
//   * each face used is one Type0/CIDFontType2 font (Identity-H, CID =
//     glyph id), its file subset by hb-subset, with /W widths and a
//     ToUnicode CMap built from the shaped text, so text extracts exactly;
//   * each fragment layer of a slide is one Form XObject, drawn by
//     reference from every page that shows it;
//   * the file is written to a temporary file and renamed into place.
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
  // Creation date, seconds since the epoch (SOURCE_DATE_EPOCH when set).
  std::optional<int64_t> date;
};

// Renders the pages into PDF bytes. Returns false with `error` set when
// libharu reports a failure.
bool pdf_render(const std::vector<compose::Page>& pages, const text::FontSet& fonts,
                const DocInfo& info, std::string& bytes, std::string& error);

// Writes `bytes` to `path` through a temporary file in the same folder and
// a rename, so that a failed run never leaves a partial file and never
// touches an existing one.
bool file_write_atomic(const std::string& path, const std::string& bytes, std::string& error);

}  // namespace deckpdf::pdf
