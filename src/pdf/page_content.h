// pdf/page_content — each page's content, written so that later pages
// reuse what earlier ones wrote (internal to pdf/).
//
// A page is drawn as units: its background, then per placement each layer
// it shows, as placed (where, how large, at what opacity and scale). Pages
// that show the same unit draw the same bytes. Runs of units are written as
// content streams (chunks), and a page's /Contents is an array of chunks:
// a build page reuses the streams of the page before it and adds one with
// what its step reveals, so a step costs a page object and the new
// layer's bytes. A dimmed layer is drawn through a Form XObject, so that
// its opacity applies to the layer as a whole.
#pragma once

#include <hpdf.h>

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "compose/page.h"
#include "pdf/content.h"
#include "pdf/deflate.h"
#include "pdf/resources.h"

namespace deckpdf::pdf {

class PageContent {
 public:
  PageContent(HPDF_Doc doc, ContentWriter& content, Resources& resources, StreamQueue& queue)
      : doc_(doc), content_(content), resources_(resources), queue_(queue) {}

  // A tagged PDF: content is marked, and what each page and form holds is
  // told to `structure` (structure.h).
  void tag(StructureWriter* structure) { structure_ = structure; }

  // Writes the content of `page`, drawn as `p` shows, and returns the
  // resource dictionary it needs, or nullptr when libharu failed.
  HPDF_Dict write(HPDF_Page page, const compose::Page& p, size_t index = 0);

 private:
  // A unit of page content: one layer as a page places it, or the page's
  // background.
  struct UnitKey {
    LayerKey layer;  // layer.list == nullptr: the page background
    float scale = 1, tx = 0, ty = 0, page_height = 0;
    bool clip = false;  // clipped to the list's box (it does not cover the page)
    float alpha = 1;
    int mcid_base = 0;                                 // tagged: the MCIDs of lists before it
    uint32_t scales = 0;                               // compose::ShownLayer::scales
    float r = 0, g = 0, b = 0, width = 0, height = 0;  // the background
    auto operator<=>(const UnitKey&) const = default;
  };

  // A dimmed layer: one Form XObject with a transparency group, so that
  // opacity 0.5 applies to the layer as a whole, like CSS opacity, not
  // glyph by glyph. Made once per layer and state.
  struct Form {
    HPDF_Dict dict = nullptr;
    std::string name;  // "L1", "L2", ...
    Needs needs;       // what its content names
  };

  // Tagged: what a unit marks in its content, or the form it draws.
  struct UnitMarks {
    std::vector<Mark> marks;
    HPDF_Dict form = nullptr;
  };

  // A run of units written as one content stream.
  struct Chunk {
    std::vector<int> units;
    HPDF_Dict stream = nullptr;
    Needs needs;
  };

  const Form& form(const LayerKey& key);
  std::string unit_content(const UnitKey& k, Needs& needs, UnitMarks* marks);
  void page_tag(HPDF_Page page, const compose::Page& p, size_t index,
                const std::vector<int>& units);
  int unit_id(UnitKey&& key);
  std::vector<int> page_units(const compose::Page& p);
  int chunk_at(const std::vector<int>& units, size_t i) const;

  HPDF_Doc doc_;
  ContentWriter& content_;
  Resources& resources_;
  StreamQueue& queue_;
  std::map<LayerKey, Form> forms_;
  std::map<UnitKey, int> unit_ids_;
  std::vector<const UnitKey*> units_;  // by id
  std::vector<Chunk> chunks_;
  std::map<int, std::vector<int>> chunk_starts_;  // first unit -> the chunks starting with it
  StructureWriter* structure_ = nullptr;
  std::vector<UnitMarks> unit_marks_;  // tagged: by unit id
};

}  // namespace deckpdf::pdf
