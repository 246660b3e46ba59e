// pdf/page_content — pages as units, units in chunks that later pages
// reuse through /Contents arrays, Form XObjects for dimmed layers.
#include "pdf/page_content.h"

#include <hpdf_doc.h>
#include <hpdf_objects.h>
#include <hpdf_pages.h>

#include <algorithm>
#include <bit>

namespace deckpdf::pdf {

namespace {

// At most this many streams in a page's /Contents. A slide with many
// steps would otherwise give its k-th build page k streams, a number of
// references that grows with the square of the steps; past the bound the
// page's units are written as one new stream, which the next pages reuse.
constexpr size_t max_contents = 32;

}  // namespace

const PageContent::Form& PageContent::form(const LayerKey& key) {
  auto it = forms_.find(key);
  if (it != forms_.end()) return it->second;
  Form f;
  std::vector<Mark> marks;
  std::string content = content_.layer(key, f.needs, 0, structure_ ? &marks : nullptr);
  f.dict = HPDF_DictStream_New(doc_->mmgr, doc_->xref);
  if (f.dict) {
    f.dict->header.obj_class = HPDF_OSUBCLASS_XOBJECT | HPDF_OCLASS_DICT;
    HPDF_Dict_AddName(f.dict, "Type", "XObject");
    HPDF_Dict_AddName(f.dict, "Subtype", "Form");
    HPDF_Array bbox = HPDF_Array_New(doc_->mmgr);
    HPDF_Array_AddReal(bbox, 0);
    HPDF_Array_AddReal(bbox, 0);
    HPDF_Array_AddReal(bbox, key.list->width);
    HPDF_Array_AddReal(bbox, key.list->height);
    HPDF_Dict_Add(f.dict, "BBox", bbox);
    HPDF_Dict group = HPDF_Dict_New(doc_->mmgr);
    HPDF_Dict_AddName(group, "Type", "Group");
    HPDF_Dict_AddName(group, "S", "Transparency");
    HPDF_Dict_Add(f.dict, "Group", group);
    HPDF_Dict_Add(f.dict, "Resources", resources_.get(f.needs));
    queue_.add(f.dict, std::move(content));
    if (structure_) structure_->form(f.dict, std::move(marks));
    f.name = "L" + std::to_string(forms_.size() + 1);
  }
  return forms_.emplace(key, std::move(f)).first->second;
}

// The bytes of one unit, self-contained (q ... Q) so that units can be
// concatenated in any order.
std::string PageContent::unit_content(const UnitKey& k, Needs& needs, UnitMarks* marks) {
  std::string s = "q ";
  if (!k.layer.list) {
    if (marks) s += "/Artifact BMC ";
    op(s, {k.r, k.g, k.b}, "rg");
    op(s, {0, 0, k.width, k.height}, marks ? "re f EMC Q" : "re f Q");
    return s;
  }
  const layout::DisplayList& list = *k.layer.list;
  // Page space is y-down from the top-left; PDF is y-up.
  op(s, {k.scale, 0, 0, -k.scale, k.tx, k.page_height - k.ty}, "cm");
  if (k.clip) op(s, {0, 0, list.width, list.height}, "re W n");
  if (k.alpha < 1) {
    const auto& [name, gs] = content_.alpha_state(k.alpha);
    needs.states[name] = gs;
    s += '/' + name + " gs\n";
  }
  const layout::Layer& layer = list.layers[static_cast<size_t>(k.layer.layer)];
  const std::vector<layout::Effect>& effects = list.effects[static_cast<size_t>(layer.effects)];
  for (uint32_t bits = k.scales; bits != 0; bits &= bits - 1) {
    // About the fragment's centre, which the layer's own transform
    // (the list's scale and offset) puts here.
    const layout::Effect& e = effects[static_cast<size_t>(std::countr_zero(bits))];
    float cx = list.dx + list.scale * e.cx, cy = list.dy + list.scale * e.cy;
    op(s, {e.scale, 0, 0, e.scale, cx * (1 - e.scale), cy * (1 - e.scale)}, "cm");
  }
  if (k.alpha < 1) {
    const Form& f = form(k.layer);
    if (!f.dict) return {};
    needs.xobjects[f.name] = f.dict;
    s += '/' + f.name + " Do\n";
    if (marks) marks->form = f.dict;
  } else {
    s += content_.layer(k.layer, needs, k.mcid_base, marks ? &marks->marks : nullptr);
  }
  s += "Q\n";
  return s;
}

int PageContent::unit_id(UnitKey&& key) {
  auto [it, added] = unit_ids_.try_emplace(std::move(key), static_cast<int>(units_.size()));
  if (added) units_.push_back(&it->first);
  return it->second;
}

// The units a page draws, bottom to top: its background, then per
// placement the layers it shows.
std::vector<int> PageContent::page_units(const compose::Page& p) {
  std::vector<int> out;
  if (p.background.a > 0 && !(p.background == layout::Color{1, 1, 1, 1})) {
    UnitKey bg;  // white is the paper's own colour
    bg.r = p.background.r;
    bg.g = p.background.g;
    bg.b = p.background.b;
    bg.width = p.width;
    bg.height = p.height;
    out.push_back(unit_id(std::move(bg)));
  }
  int mcid_base = 0;
  for (const compose::Placement& pl : p.placed) {
    const layout::DisplayList& list = *pl.list;
    int base = mcid_base;
    if (structure_ && list.structure) mcid_base += content_.runs(list).count;
    float right = pl.t.tx + list.width * pl.t.scale, bottom = pl.t.ty + list.height * pl.t.scale;
    bool covers = pl.t.tx <= 0.01f && pl.t.ty <= 0.01f && right >= p.width - 0.01f &&
                  bottom >= p.height - 0.01f;
    // The layers compose chose, bottom to top, each in its state there.
    for (const compose::ShownLayer& shown : pl.layers) {
      UnitKey k;
      k.layer = {&list, shown.layer, shown.active};
      k.scale = pl.t.scale;
      k.tx = pl.t.tx;
      k.ty = pl.t.ty;
      k.page_height = p.height;
      k.clip = !covers;
      k.alpha = shown.alpha;
      k.scales = shown.scales;
      k.mcid_base = base;
      out.push_back(unit_id(std::move(k)));
    }
  }
  return out;
}

// The longest chunk that starts at units[i] and can be reused there, or -1.
int PageContent::chunk_at(const std::vector<int>& units, size_t i) const {
  auto it = chunk_starts_.find(units[i]);
  if (it == chunk_starts_.end()) return -1;
  // They are kept longest first.
  for (auto c = it->second.begin(); c != it->second.end(); ++c) {
    const std::vector<int>& run = chunks_[static_cast<size_t>(*c)].units;
    if (units.size() - i >= run.size() && std::equal(run.begin(), run.end(), units.begin() + i)) {
      return *c;
    }
  }
  return -1;
}

// Tells the structure what the page's units mark and which forms they draw.
void PageContent::page_tag(HPDF_Page page, const compose::Page& p, size_t index,
                           const std::vector<int>& units) {
  std::vector<const layout::DisplayList*> lists;
  for (const compose::Placement& pl : p.placed) lists.push_back(pl.list);
  std::vector<Mark> marks;
  std::vector<HPDF_Dict> forms;
  for (int u : units) {
    const UnitMarks& m = unit_marks_[static_cast<size_t>(u)];
    marks.insert(marks.end(), m.marks.begin(), m.marks.end());
    if (m.form) forms.push_back(m.form);
  }
  structure_->page(index, page, lists, std::move(marks), forms);
}

HPDF_Dict PageContent::write(HPDF_Page page, const compose::Page& p, size_t index) {
  HPDF_Page_SetWidth(page, p.width);
  HPDF_Page_SetHeight(page, p.height);
  std::vector<int> units = page_units(p);
  if (structure_ && unit_marks_.size() < units_.size()) unit_marks_.resize(units_.size());
  // The plan: runs of units, each an existing chunk (chunk >= 0) or new.
  struct Run {
    int chunk = -1;
    size_t begin = 0, end = 0;
  };
  std::vector<Run> plan;
  for (size_t i = 0; i < units.size();) {
    if (int c = chunk_at(units, i); c >= 0) {
      size_t n = chunks_[static_cast<size_t>(c)].units.size();
      plan.push_back({c, i, i + n});
      i += n;
      continue;
    }
    size_t begin = i;
    do {
      ++i;
    } while (i < units.size() && chunk_at(units, i) < 0);
    plan.push_back({-1, begin, i});
  }
  if (plan.size() > max_contents) plan = {{-1, 0, units.size()}};

  auto attr = static_cast<HPDF_PageAttr>(page->attr);
  HPDF_Dict own = attr->contents;  // libharu's stream for the page: the first new chunk
  bool own_used = false;
  std::vector<HPDF_Dict> contents;
  Needs needs;
  for (const Run& r : plan) {
    if (r.chunk >= 0) {
      const Chunk& chunk = chunks_[static_cast<size_t>(r.chunk)];
      contents.push_back(chunk.stream);
      needs.merge(chunk.needs);
      continue;
    }
    Chunk chunk;
    std::string bytes;
    for (size_t i = r.begin; i < r.end; ++i) {
      chunk.units.push_back(units[i]);
      size_t u = static_cast<size_t>(units[i]);
      UnitMarks* marks = structure_ ? &unit_marks_[u] : nullptr;
      if (marks) *marks = {};
      bytes += unit_content(*units_[u], chunk.needs, marks);
    }
    chunk.stream = own_used ? HPDF_DictStream_New(doc_->mmgr, doc_->xref) : own;
    own_used = true;
    if (!chunk.stream) return nullptr;
    queue_.add(chunk.stream, std::move(bytes));
    contents.push_back(chunk.stream);
    needs.merge(chunk.needs);
    std::vector<int>& starting = chunk_starts_[chunk.units.front()];
    auto at = std::find_if(starting.begin(), starting.end(), [&](int c) {
      return chunks_[static_cast<size_t>(c)].units.size() < chunk.units.size();
    });
    starting.insert(at, static_cast<int>(chunks_.size()));
    chunks_.push_back(std::move(chunk));
  }
  if (!contents.empty() && (contents.size() != 1 || contents.front() != own)) {
    HPDF_Array array = HPDF_Array_New(doc_->mmgr);
    for (HPDF_Dict d : contents) HPDF_Array_Add(array, d);
    HPDF_Dict_Add(page, "Contents", array);
  }
  if (structure_) page_tag(page, p, index, units);
  return resources_.get(needs);
}

}  // namespace deckpdf::pdf
