// pdf/navigation — the outline, page labels and link annotations.
#include "pdf/navigation.h"

#include <hpdf_doc.h>
#include <hpdf_objects.h>

#include <algorithm>
#include <cstdio>

#include "pdf/fonts.h"
#include "pdf/writer.h"

namespace deckpdf::pdf {

namespace {

// A label that is a plain decimal number ("12", not "012" or "3.2"), or 0.
long label_number(const std::string& label) {
  if (label.empty() || label.size() > 9 || label[0] == '0') return 0;
  long v = 0;
  for (char c : label) {
    if (c < '0' || c > '9') return 0;
    v = v * 10 + (c - '0');
  }
  return v;
}

// A URI as 7-bit ASCII (PDF 32000 12.6.4.7): other bytes percent-encoded.
std::string uri_ascii(const std::string& uri) {
  std::string out;
  for (unsigned char c : uri) {
    if (c > 0x20 && c < 0x7F) {
      out.push_back(static_cast<char>(c));
    } else {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", c);
      out += buf;
    }
  }
  return out;
}

}  // namespace

std::vector<LabelRange> page_label_ranges(const std::vector<std::string>& labels) {
  std::vector<LabelRange> out;
  for (size_t i = 0; i < labels.size(); ++i) {
    const std::string& label = labels[i];
    long n = label_number(label);
    if (!out.empty()) {
      LabelRange& r = out.back();
      if (r.start > 0 ? n == r.start + static_cast<long>(i - r.first) : label == r.prefix) continue;
      // A one-page range numbered n followed by n + 1: decimal numbering.
      long prev = label_number(r.prefix);
      if (r.start == 0 && i == r.first + 1 && prev > 0 && n == prev + 1) {
        r.start = prev;
        r.prefix.clear();
        continue;
      }
    }
    out.push_back({i, label, 0});
  }
  return out;
}

void* text_string(HPDF_Doc doc, const std::string& utf8) {
  if (std::all_of(utf8.begin(), utf8.end(), [](char c) { return c >= 0x20 && c < 0x7F; })) {
    return HPDF_String_New(doc->mmgr, utf8.c_str(), nullptr);
  }
  std::string bytes = "\xFE\xFF";
  std::string hex = utf16_hex(utf8);
  for (size_t i = 0; i + 1 < hex.size(); i += 2) {
    bytes.push_back(static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16)));
  }
  return HPDF_Binary_New(doc->mmgr, reinterpret_cast<HPDF_BYTE*>(bytes.data()),
                         static_cast<HPDF_UINT>(bytes.size()));
}

void navigation_write(HPDF_Doc doc, const std::vector<compose::Page>& pages,
                      const std::vector<HPDF_Page>& pdf_pages, bool pdfa,
                      std::vector<std::vector<HPDF_Annotation>>* annots) {
  if (annots) annots->assign(pages.size(), {});
  HPDF_Outline top = nullptr;  // the last level-0 entry
  std::vector<std::string> labels;
  bool any_outline = false;
  for (size_t i = 0; i < pages.size() && i < pdf_pages.size(); ++i) {
    const compose::Page& p = pages[i];
    HPDF_Page page = pdf_pages[i];
    // y < 0: the whole page (/Fit); else the page from y down (/XYZ).
    auto outline_add = [&](const std::string& title, int level, float y) {
      HPDF_Outline parent = level > 0 && top ? top : nullptr;
      HPDF_Outline entry = HPDF_CreateOutline(doc, parent, "", nullptr);
      if (!entry) return;
      HPDF_Dict_Add(entry, "Title", text_string(doc, title));
      // The destination inside the entry (libharu's would be an object
      // of its own): [page /Fit] or [page /XYZ left top null].
      HPDF_Array dest = HPDF_Array_New(doc->mmgr);
      HPDF_Array_Add(dest, page);
      if (y < 0) {
        HPDF_Array_AddName(dest, "Fit");
      } else {
        HPDF_Array_AddName(dest, "XYZ");
        HPDF_Array_AddReal(dest, 0);
        HPDF_Array_AddReal(dest, p.height - y);
        HPDF_Array_Add(dest, HPDF_Null_New(doc->mmgr));
      }
      HPDF_Dict_Add(entry, "Dest", dest);
      if (!parent) {
        top = entry;
        HPDF_Outline_SetOpened(entry, HPDF_TRUE);
      }
      any_outline = true;
    };
    if (!p.outline_title.empty()) outline_add(p.outline_title, p.outline_level, -1);
    for (const compose::Page::OutlineMark& m : p.outline_more) outline_add(m.title, m.level, m.y);
    labels.push_back(p.label);
    for (const compose::Link& link : p.links) {
      // Page space is y-down; annotation rectangles are PDF user space.
      HPDF_Rect r{link.x, p.height - (link.y + link.height), link.x + link.width,
                  p.height - link.y};
      HPDF_Annotation annot = nullptr;
      if (link.page >= 0 && static_cast<size_t>(link.page) < pdf_pages.size()) {
        annot = HPDF_Page_CreateLinkAnnot(
            page, r, HPDF_Page_CreateDestination(pdf_pages[static_cast<size_t>(link.page)]));
      } else if (!link.uri.empty()) {
        annot = HPDF_Page_CreateURILinkAnnot(page, r, uri_ascii(link.uri).c_str());
      }
      if (annot) HPDF_LinkAnnot_SetBorderStyle(annot, 0, 0, 0);
      // PDF/A-2 6.3.2: an annotation is printed (the Print flag), as on screen.
      if (annot && pdfa) HPDF_Dict_AddNumber(annot, "F", 4);
      if (annots) (*annots)[i].push_back(annot);
    }
  }
  std::vector<LabelRange> label_ranges = page_label_ranges(labels);
  // The number tree: one /Nums array while it fits libharu's array limit
  // (32,767 entries), else leaves of 4,000 ranges under /Kids.
  auto add_range = [&](HPDF_Array into, size_t k) {
    const LabelRange& lr = label_ranges[k];
    HPDF_Array_AddNumber(into, static_cast<HPDF_INT32>(lr.first));
    HPDF_Dict range = HPDF_Dict_New(doc->mmgr);
    if (lr.start > 0) {
      HPDF_Dict_AddName(range, "S", "D");
      if (lr.start != 1) HPDF_Dict_AddNumber(range, "St", static_cast<HPDF_INT32>(lr.start));
    } else {
      HPDF_Dict_Add(range, "P", HPDF_String_New(doc->mmgr, lr.prefix.c_str(), nullptr));  // ASCII
    }
    HPDF_Array_Add(into, range);
  };
  HPDF_Dict tree = HPDF_Dict_New(doc->mmgr);
  constexpr size_t leaf = 4000;
  if (label_ranges.size() <= leaf) {
    // Made only here: an array libharu's document does not hold is never freed.
    HPDF_Array nums = HPDF_Array_New(doc->mmgr);
    for (size_t k = 0; k < label_ranges.size(); ++k) add_range(nums, k);
    HPDF_Dict_Add(tree, "Nums", nums);
  } else {
    HPDF_Array kids = HPDF_Array_New(doc->mmgr);
    for (size_t start = 0; start < label_ranges.size(); start += leaf) {
      size_t end = std::min(label_ranges.size(), start + leaf);
      HPDF_Dict node = HPDF_Dict_New(doc->mmgr);
      HPDF_Xref_Add(doc->xref, node);
      HPDF_Array limits = HPDF_Array_New(doc->mmgr);
      HPDF_Array_AddNumber(limits, static_cast<HPDF_INT32>(label_ranges[start].first));
      HPDF_Array_AddNumber(limits, static_cast<HPDF_INT32>(label_ranges[end - 1].first));
      HPDF_Dict_Add(node, "Limits", limits);
      HPDF_Array leaf_nums = HPDF_Array_New(doc->mmgr);
      for (size_t k = start; k < end; ++k) add_range(leaf_nums, k);
      HPDF_Dict_Add(node, "Nums", leaf_nums);
      HPDF_Array_Add(kids, node);
    }
    HPDF_Dict_Add(tree, "Kids", kids);
  }
  HPDF_Dict_Add(doc->catalog, "PageLabels", tree);
  if (any_outline) HPDF_SetPageMode(doc, HPDF_PAGE_MODE_USE_OUTLINE);
}

}  // namespace deckpdf::pdf
