// pdf/structure — the structure tree, the parent tree, links as Link
// elements, the catalog's tagged-PDF entries (structure.h).
#include "pdf/structure.h"

#include <hpdf_doc.h>
#include <hpdf_objects.h>

#include <algorithm>
#include <cctype>
#include <tuple>

#include "layout/roles.h"
#include "pdf/navigation.h"

namespace deckpdf::pdf {

namespace {

// Entries per node of the parent tree (a number tree): one /Nums array
// stays well inside libharu's array limit.
constexpr size_t tree_node_entries = 1000;

HPDF_Dict indirect_dict(HPDF_Doc doc) {
  HPDF_Dict d = HPDF_Dict_New(doc->mmgr);
  if (d) HPDF_Xref_Add(doc->xref, d);
  return d;
}

}  // namespace

void StructureWriter::form(HPDF_Dict form, std::vector<Mark> marks) {
  form_index_[form] = forms_.size();
  forms_.push_back({form, std::move(marks), 0, -1});
}

void StructureWriter::page(size_t index, HPDF_Page page,
                           const std::vector<const layout::DisplayList*>& lists,
                           std::vector<Mark> marks, const std::vector<HPDF_Dict>& forms) {
  if (page_marks_.size() <= index) {
    page_marks_.resize(index + 1);
    pages_.resize(index + 1);
  }
  page_marks_[index] = std::move(marks);
  pages_[index] = page;
  for (const layout::DisplayList* l : lists) {
    list_rank_.try_emplace(l, static_cast<int>(list_rank_.size()));
  }
  for (HPDF_Dict f : forms) {
    auto it = form_index_.find(f);
    if (it != form_index_.end() && forms_[it->second].page < 0) {
      forms_[it->second].page = static_cast<int>(index);
    }
  }
}

// The element `e` of `s`, made (and put after what its parent holds so
// far) when first asked for: elements appear in the order their content
// is met.
StructureWriter::Element& StructureWriter::element(const layout::Structure& s, int e) {
  auto it = elements_.find({&s, e});
  if (it != elements_.end()) return it->second;
  const layout::Structure::Element& se = s.elements[static_cast<size_t>(e)];
  Element& parent = se.parent >= 0 ? element(s, se.parent) : document_;
  Element el;
  el.dict = indirect_dict(doc_);
  HPDF_Dict_AddName(el.dict, "S", layout::role_name(se.role));
  HPDF_Dict_Add(el.dict, "P", parent.dict);
  if (!se.alt.empty()) HPDF_Dict_Add(el.dict, "Alt", text_string(doc_, se.alt));
  if (!se.lang.empty()) HPDF_Dict_Add(el.dict, "Lang", text_string(doc_, se.lang));
  if (se.scope) {  // PDF/UA-1 7.5: which cells a header cell heads
    HPDF_Dict attributes = HPDF_Dict_New(doc_->mmgr);
    HPDF_Dict_AddName(attributes, "O", "Table");
    HPDF_Dict_AddName(attributes, "Scope", se.scope);
    HPDF_Dict_Add(el.dict, "A", attributes);
  }
  if (!se.actual.empty()) HPDF_Dict_Add(el.dict, "ActualText", text_string(doc_, se.actual));
  parent.kids.push_back({el.dict, 0});
  Element& made = elements_.emplace(ElementKey{&s, e}, std::move(el)).first->second;
  made_.push_back(&made);
  return made;
}

// An element of its own under `parent` (a link annotation's, when its
// text is in no Link element).
StructureWriter::Element& StructureWriter::element_new(Element& parent, const char* role) {
  Element el;
  el.dict = indirect_dict(doc_);
  HPDF_Dict_AddName(el.dict, "S", role);
  HPDF_Dict_Add(el.dict, "P", parent.dict);
  parent.kids.push_back({el.dict, 0});
  ElementKey key{nullptr, -1 - static_cast<int>(elements_.size())};
  Element& made = elements_.emplace(key, std::move(el)).first->second;
  made_.push_back(&made);
  return made;
}

// A marked-content reference: a bare MCID on the element's own page, else
// an MCR naming its page (and the form it is in).
void StructureWriter::kid_add(Element& el, HPDF_Page page, int mcid, HPDF_Dict stm) {
  if (!el.page) {
    el.page = page;
    HPDF_Dict_Add(el.dict, "Pg", page);
  }
  if (el.page == page && !stm) {
    el.kids.push_back({nullptr, mcid});
    return;
  }
  HPDF_Dict mcr = HPDF_Dict_New(doc_->mmgr);
  HPDF_Dict_AddName(mcr, "Type", "MCR");
  HPDF_Dict_Add(mcr, "Pg", page);
  if (stm) HPDF_Dict_Add(mcr, "Stm", stm);
  HPDF_Dict_AddNumber(mcr, "MCID", mcid);
  el.kids.push_back({mcr, 0});
}

// /K: the one kid itself, or an array of them.
void StructureWriter::kids_write(Element& el) {
  auto one = [&](const Kid& k) -> void* {
    return k.obj ? static_cast<void*>(k.obj) : HPDF_Number_New(doc_->mmgr, k.mcid);
  };
  if (el.kids.size() == 1) {
    HPDF_Dict_Add(el.dict, "K", one(el.kids.front()));
    return;
  }
  HPDF_Array a = HPDF_Array_New(doc_->mmgr);
  for (const Kid& k : el.kids) HPDF_Array_Add(a, one(k));
  HPDF_Dict_Add(el.dict, "K", a);
}

void StructureWriter::finish(const std::vector<compose::Page>& pages,
                             const std::vector<HPDF_Page>& pdf_pages,
                             const std::vector<std::vector<HPDF_Annotation>>& annots) {
  HPDF_Dict root = indirect_dict(doc_);
  document_.dict = indirect_dict(doc_);
  if (!root || !document_.dict) return;
  HPDF_Dict_AddName(root, "Type", "StructTreeRoot");
  HPDF_Dict_Add(root, "K", document_.dict);
  HPDF_Dict_AddName(document_.dict, "S", "Document");
  HPDF_Dict_Add(document_.dict, "P", root);

  // Each run of items once, where it is first shown (on a page, or in a
  // form on the first page that draws it), in document order: lists in
  // the order pages show them, a list's runs in item order.
  struct Seen {
    int rank = 0;
    uint32_t order = 0;  // Structure::Element::order
    uint32_t item = 0;
    size_t page = 0;
    int mcid = 0;
    HPDF_Dict stm = nullptr;
    const Mark* mark = nullptr;
  };
  std::map<std::pair<const layout::DisplayList*, uint32_t>, Seen> first;
  auto see = [&](const Mark& m, size_t page, HPDF_Dict stm) {
    auto rank = list_rank_.find(m.list);
    if (rank == list_rank_.end()) return;
    uint32_t order = m.list->structure->elements[static_cast<size_t>(m.element)].order;
    first.try_emplace({m.list, m.item}, Seen{rank->second, order, m.item, page, m.mcid, stm, &m});
  };
  std::vector<std::vector<const Form*>> forms_on(page_marks_.size());
  for (const Form& f : forms_) {
    if (f.page >= 0) forms_on[static_cast<size_t>(f.page)].push_back(&f);
  }
  for (size_t p = 0; p < page_marks_.size(); ++p) {
    for (const Mark& m : page_marks_[p]) see(m, p, nullptr);
    for (const Form* f : forms_on[p]) {
      for (const Mark& m : f->marks) see(m, p, f->dict);
    }
  }
  std::vector<const Seen*> order;
  order.reserve(first.size());
  for (const auto& [key, s] : first) order.push_back(&s);
  std::sort(order.begin(), order.end(), [](const Seen* a, const Seen* b) {
    return std::tie(a->rank, a->order, a->item) < std::tie(b->rank, b->order, b->item);
  });
  for (const Seen* s : order) {
    const layout::Structure& st = *s->mark->list->structure;
    kid_add(element(st, s->mark->element), pages_[s->page], s->mcid, s->stm);
  }

  // Link annotations: in their Link element (an OBJR), with a
  // description (/Contents) and their /StructParent.
  int key = static_cast<int>(page_marks_.size() + forms_.size());
  for (size_t p = 0; p < pages.size() && p < annots.size() && p < pdf_pages.size(); ++p) {
    for (size_t k = 0; k < pages[p].links.size() && k < annots[p].size(); ++k) {
      const compose::Link& link = pages[p].links[k];
      HPDF_Annotation annot = annots[p][k];
      if (!annot) continue;
      const layout::DisplayList* list = link.list;
      Element* el = nullptr;
      std::string text;  // what a reader says of it, before where it goes
      if (list && list->structure && link.item < list->items.size()) {
        int tag = list->items[link.item].tag;
        const layout::Structure& st = *list->structure;
        int e = tag > 0 ? tag - 1 : 0;
        if (st.elements[static_cast<size_t>(e)].role != layout::Role::Link) {
          // A link whose text is not in a Link element of its own.
          el = &element_new(element(st, e), "Link");
        } else {
          el = &element(st, e);
          for (const layout::Item& it : list->items) {  // the Link's text
            auto* t = std::get_if<layout::TextItem>(&it.v);
            if (!t || it.tag != tag || text.size() > 200) continue;
            if (!text.empty() && text.back() != ' ') text += ' ';
            text += t->actual_text ? *t->actual_text : t->run->text;
          }
        }
      }
      if (!el) continue;
      HPDF_Dict objr = HPDF_Dict_New(doc_->mmgr);
      HPDF_Dict_AddName(objr, "Type", "OBJR");
      HPDF_Dict_Add(objr, "Pg", pdf_pages[p]);
      HPDF_Dict_Add(objr, "Obj", annot);
      el->kids.push_back({objr, 0});
      while (!text.empty() && text.back() == ' ') text.pop_back();
      std::string where =
          link.page >= 0 ? "go to page " + std::to_string(link.page + 1) : "open " + link.uri;
      std::string what = text.empty() ? std::string(1, static_cast<char>(std::toupper(
                                                           static_cast<unsigned char>(where[0])))) +
                                            where.substr(1)
                                      : text + " (" + where + ")";
      HPDF_Dict_Add(annot, "Contents", text_string(doc_, what));
      HPDF_Dict_AddNumber(annot, "StructParent", key);
      annot_parents_.emplace_back(key++, el->dict);
    }
  }
  for (size_t p = 0; p < pdf_pages.size(); ++p) {
    // 7.18.3: a page with annotations orders them by the structure.
    if (p < annots.size() && std::any_of(annots[p].begin(), annots[p].end(),
                                         [](HPDF_Annotation a) { return a != nullptr; })) {
      HPDF_Dict_AddName(pdf_pages[p], "Tabs", "S");
    }
    if (p < page_marks_.size() && !page_marks_[p].empty()) {
      HPDF_Dict_AddNumber(pdf_pages[p], "StructParents", static_cast<HPDF_INT32>(p));
    }
  }
  for (size_t f = 0; f < forms_.size(); ++f) {
    HPDF_Dict_AddNumber(forms_[f].dict, "StructParents",
                        static_cast<HPDF_INT32>(page_marks_.size() + f));
  }
  kids_write(document_);
  for (Element* el : made_) kids_write(*el);
  parent_tree(root);
  HPDF_Dict_AddNumber(root, "ParentTreeNextKey", key);

  HPDF_Dict catalog = doc_->catalog;
  HPDF_Dict_Add(catalog, "StructTreeRoot", root);
  HPDF_Dict mark_info = HPDF_Dict_New(doc_->mmgr);
  HPDF_Dict_AddBoolean(mark_info, "Marked", HPDF_TRUE);
  HPDF_Dict_Add(catalog, "MarkInfo", mark_info);
  HPDF_Dict prefs = HPDF_Dict_New(doc_->mmgr);
  HPDF_Dict_AddBoolean(prefs, "DisplayDocTitle", HPDF_TRUE);
  HPDF_Dict_Add(catalog, "ViewerPreferences", prefs);
}

// The parent tree: per page and per form an array from MCID to element;
// per link annotation its element. A number tree of nodes of
// tree_node_entries under one root.
void StructureWriter::parent_tree(HPDF_Dict root) {
  std::vector<std::pair<int, void*>> entries;  // key, value (an array or a dict)
  auto by_mcid = [&](const std::vector<Mark>& marks) {
    int size = 0;
    for (const Mark& m : marks) size = std::max(size, m.mcid + 1);
    std::vector<HPDF_Dict> out(static_cast<size_t>(size), nullptr);
    for (const Mark& m : marks) {
      auto it = elements_.find({m.list->structure.get(), m.element});
      if (it != elements_.end()) out[static_cast<size_t>(m.mcid)] = it->second.dict;
    }
    return out;
  };
  auto array_of = [&](const std::vector<HPDF_Dict>& elements) {
    HPDF_Array a = HPDF_Array_New(doc_->mmgr);
    for (HPDF_Dict d : elements) {
      if (d)
        HPDF_Array_Add(a, d);
      else
        HPDF_Array_Add(a, HPDF_Null_New(doc_->mmgr));
    }
    return a;
  };
  // Build pages of one slide share their MCIDs (the same list, reused
  // streams), each showing more of them: pages in a row whose arrays agree
  // wherever both have an entry share one array, the union, which lists
  // what the page does not show as well (harmless: no content names it).
  struct Group {
    std::vector<HPDF_Dict> elements;
    std::vector<int> keys;
  };
  std::vector<Group> groups;
  for (size_t p = 0; p < page_marks_.size(); ++p) {
    if (page_marks_[p].empty()) continue;
    std::vector<HPDF_Dict> page = by_mcid(page_marks_[p]);
    bool agrees = !groups.empty();
    if (agrees) {
      const std::vector<HPDF_Dict>& g = groups.back().elements;
      for (size_t i = 0; i < std::min(g.size(), page.size()) && agrees; ++i) {
        agrees = !g[i] || !page[i] || g[i] == page[i];
      }
    }
    if (!agrees) groups.emplace_back();
    Group& g = groups.back();
    if (g.elements.size() < page.size()) g.elements.resize(page.size(), nullptr);
    for (size_t i = 0; i < page.size(); ++i) {
      if (page[i]) g.elements[i] = page[i];
    }
    g.keys.push_back(static_cast<int>(p));
  }
  for (const Group& g : groups) {
    HPDF_Array a = array_of(g.elements);
    if (g.keys.size() > 1) HPDF_Xref_Add(doc_->xref, a);  // shared: an indirect object
    for (int k : g.keys) entries.emplace_back(k, a);
  }
  for (size_t f = 0; f < forms_.size(); ++f) {
    entries.emplace_back(static_cast<int>(page_marks_.size() + f),
                         array_of(by_mcid(forms_[f].marks)));
  }
  for (const auto& [k, el] : annot_parents_) entries.emplace_back(k, el);
  HPDF_Dict tree = HPDF_Dict_New(doc_->mmgr);
  HPDF_Dict_Add(root, "ParentTree", tree);
  auto nums_of = [&](size_t begin, size_t end) {
    HPDF_Array nums = HPDF_Array_New(doc_->mmgr);
    for (size_t i = begin; i < end; ++i) {
      HPDF_Array_AddNumber(nums, entries[i].first);
      HPDF_Array_Add(nums, entries[i].second);
    }
    return nums;
  };
  if (entries.size() <= tree_node_entries) {
    HPDF_Dict_Add(tree, "Nums", nums_of(0, entries.size()));
    return;
  }
  HPDF_Array kids = HPDF_Array_New(doc_->mmgr);
  HPDF_Dict_Add(tree, "Kids", kids);
  for (size_t b = 0; b < entries.size(); b += tree_node_entries) {
    size_t e = std::min(entries.size(), b + tree_node_entries);
    HPDF_Dict node = indirect_dict(doc_);
    HPDF_Array limits = HPDF_Array_New(doc_->mmgr);
    HPDF_Array_AddNumber(limits, entries[b].first);
    HPDF_Array_AddNumber(limits, entries[e - 1].first);
    HPDF_Dict_Add(node, "Limits", limits);
    HPDF_Dict_Add(node, "Nums", nums_of(b, e));
    HPDF_Array_Add(kids, node);
  }
}

}  // namespace deckpdf::pdf
