// pdf/resources — resource dictionaries, one per distinct set of names.
#include "pdf/resources.h"

#include <hpdf_doc.h>
#include <hpdf_objects.h>

namespace deckpdf::pdf {

HPDF_Dict Resources::get(const Needs& needs) {
  std::string key;
  for (text::FontId id : needs.fonts) key += embedder_.use(id).name + ' ';
  key += '|';
  for (const auto& [name, d] : needs.xobjects) key += name + ' ';
  key += '|';
  for (const auto& [name, d] : needs.states) key += name + ' ';
  key += '|';
  for (const auto& [name, d] : needs.shadings) key += name + ' ';
  auto it = made_.find(key);
  if (it != made_.end()) return it->second;
  HPDF_Dict r = HPDF_Dict_New(doc_->mmgr);
  HPDF_Xref_Add(doc_->xref, r);
  if (!needs.fonts.empty()) {
    HPDF_Dict fonts = HPDF_Dict_New(doc_->mmgr);
    for (text::FontId id : needs.fonts) {
      FontEmbedder::Entry& e = embedder_.use(id);
      HPDF_Dict_Add(fonts, e.name.c_str(), e.type0);
    }
    HPDF_Dict_Add(r, "Font", fonts);
  }
  if (!needs.xobjects.empty()) {
    HPDF_Dict xobjects = HPDF_Dict_New(doc_->mmgr);
    for (const auto& [name, d] : needs.xobjects) HPDF_Dict_Add(xobjects, name.c_str(), d);
    HPDF_Dict_Add(r, "XObject", xobjects);
  }
  if (!needs.states.empty()) {
    HPDF_Dict states = HPDF_Dict_New(doc_->mmgr);
    for (const auto& [name, d] : needs.states) HPDF_Dict_Add(states, name.c_str(), d);
    HPDF_Dict_Add(r, "ExtGState", states);
  }
  if (!needs.shadings.empty()) {
    HPDF_Dict shadings = HPDF_Dict_New(doc_->mmgr);
    for (const auto& [name, d] : needs.shadings) HPDF_Dict_Add(shadings, name.c_str(), d);
    HPDF_Dict_Add(r, "Shading", shadings);
  }
  made_.emplace(key, r);
  return r;
}

}  // namespace deckpdf::pdf
