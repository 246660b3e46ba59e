// pdf/structure — the tagged PDF's logical structure (internal to pdf/):
// the structure tree (a Document of one Sect per slide, a Note after a
// slide's in handouts; their elements from layout's roles.h), the parent
// tree that maps each page's and form's marked content back to it, link
// annotations as Link elements with OBJRs, /MarkInfo, /Tabs /S and
// /DisplayDocTitle (ISO 14289-1, PDF/UA-1).
//
// Content is marked in content.cpp: each run of items of one structure
// element is one marked-content sequence with an MCID, anything else an
// /Artifact. MCIDs number a list's runs (the same on every page that
// shows the list, since later pages reuse its streams), after the runs of
// the lists placed before it on the page.
//
// Build pages: a build page reuses the streams of the page before it, so
// what an earlier step revealed carries the same marks on every later
// page, and each page's parent tree maps all of its MCIDs (all content is
// tagged or an artifact, 7.1). The structure tree lists each run once, on
// the first page that shows it: the page of the step that reveals it. A
// reader following the tree reads each build page's newly revealed layer
// there, never the repeated layers again; the text of a slide is read
// once, in document order.
#pragma once

#include <hpdf.h>

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "compose/page.h"
#include "layout/display_list.h"

namespace deckpdf::pdf {

// A marked-content sequence content wrote: MCID `mcid`, the run of items of
// `list` from `item` on, of structure element `element`.
struct Mark {
  const layout::DisplayList* list = nullptr;
  int mcid = 0;
  uint32_t item = 0;
  int element = 0;
};

class StructureWriter {
 public:
  explicit StructureWriter(HPDF_Doc doc) : doc_(doc) {}

  // A form whose content holds `marks`: gets its /StructParents.
  void form(HPDF_Dict form, std::vector<Mark> marks);
  // Page `index` (0-based, in order) shows `lists` (placement order), its
  // content holds `marks` and it draws `forms`.
  void page(size_t index, HPDF_Page page, const std::vector<const layout::DisplayList*>& lists,
            std::vector<Mark> marks, const std::vector<HPDF_Dict>& forms);
  // The tree, once every page exists; `annots` per page, per compose::Link
  // (nullptr where none was made).
  void finish(const std::vector<compose::Page>& pages, const std::vector<HPDF_Page>& pdf_pages,
              const std::vector<std::vector<HPDF_Annotation>>& annots);

 private:
  struct Form {
    HPDF_Dict dict = nullptr;
    std::vector<Mark> marks;
    int key = 0;    // its /StructParents
    int page = -1;  // the first page that draws it
  };
  // A kid of an element: a child element, an MCR or OBJR (obj), or an
  // MCID on the element's page.
  struct Kid {
    HPDF_Dict obj = nullptr;
    int mcid = 0;
  };
  // Elements are small dictionaries (no /Type, which is optional; /K a
  // single kid itself), written once all their kids are known.
  struct Element {
    HPDF_Dict dict = nullptr;
    std::vector<Kid> kids;
    HPDF_Page page = nullptr;  // its /Pg: integer MCIDs are on this page
  };
  using ElementKey = std::pair<const layout::Structure*, int>;

  Element& element(const layout::Structure& s, int e);
  Element& element_new(Element& parent, const char* role);
  void kids_write(Element& el);
  void kid_add(Element& el, HPDF_Page page, int mcid, HPDF_Dict stm);
  void parent_tree(HPDF_Dict root);

  HPDF_Doc doc_;
  std::vector<Form> forms_;
  std::map<HPDF_Dict, size_t> form_index_;
  std::vector<std::vector<Mark>> page_marks_;
  std::vector<HPDF_Page> pages_;
  std::map<const layout::DisplayList*, int> list_rank_;  // placement order of first showing
  Element document_;
  std::map<ElementKey, Element> elements_;
  std::vector<Element*> made_;                            // every element, in the order made
  std::vector<std::pair<int, HPDF_Dict>> annot_parents_;  // /StructParent -> its Link element
  int next_key_ = 0;
};

}  // namespace deckpdf::pdf
