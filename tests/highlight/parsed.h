// What the highlight tests share: a Pug deck parsed and its code blocks
// highlighted as the pipeline does before deck/, and its `code` elements.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "highlight/code_blocks.h"
#include "pug/parse.h"
#include "support/paths.h"

namespace deckpdf::test {

struct Parsed {
  Source source;
  dom::Document doc;
  Diagnostics diags;
  size_t highlighted = 0;  // blocks highlight_code_blocks changed
};

inline std::unique_ptr<Parsed> parse(const std::string& text) {
  auto p = std::unique_ptr<Parsed>(new Parsed{Source("t.pug", text), {}, {}});
  p->doc = pug::parse(p->source, 0, p->diags);
  p->highlighted =
      highlight::highlight_code_blocks(p->doc, test::source_dir() + "/layouts/highlight", p->diags);
  return p;
}

// The `code` elements in document order.
inline std::vector<dom::NodeId> codes(const dom::Document& doc) {
  std::vector<dom::NodeId> out;
  for (dom::NodeId id = 0; id < doc.nodes.size(); ++id) {
    if (doc[id].kind == dom::NodeKind::Element && doc[id].tag == "code") out.push_back(id);
  }
  return out;
}

}  // namespace deckpdf::test
