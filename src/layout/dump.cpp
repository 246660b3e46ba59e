// layout/dump — display lists as text (see dump.h). The format, one line
// each:
//   size 960.00x700.00 background #ffffff scale 1.00 dx 0.00 dy 0.00 clip no steps 2
//   effects 1: dim 1..never, color #ff0000 2..3
//   text 80.00 120.00 w 312.40 font SourceSans3-Bold size 40.00 fill #222222 "Title"
//   rect 0.00 0.00 960.00x700.00 fill #ffffff step 1 until 2 effects 1
//   path 10.00 20.00 d "M0,0 L10,0 L10,10 Z" matrix 2 0 0 2 0 0 fill #ff0000 stroke 1.00 #000000
//   layer 1: step 1 until never effects 1 items 3-5, 9
// Items show step, until and effects only where they differ from 0,
// never and 0. Layers (what one step reveals, hides or restyles) come last.
#include "layout/dump.h"

#include <cmath>
#include <cstdio>
#include <filesystem>

#include "source/strings.h"

namespace deckpdf::layout {

namespace {

std::string num(float v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", static_cast<double>(v));
  std::string s = buf;
  return s == "-0.00" ? "0.00" : s;
}

std::string step(int k) {
  return k == never ? "never" : k == print_state ? "print" : std::to_string(k);
}

std::string color(const Color& c) {
  auto byte = [](float v) {
    return static_cast<unsigned>(std::lround(std::fmin(1.0f, std::fmax(0.0f, v)) * 255));
  };
  char buf[16];
  if (byte(c.a) == 255) {
    std::snprintf(buf, sizeof buf, "#%02x%02x%02x", byte(c.r), byte(c.g), byte(c.b));
  } else {
    std::snprintf(buf, sizeof buf, "#%02x%02x%02x%02x", byte(c.r), byte(c.g), byte(c.b), byte(c.a));
  }
  return buf;
}

std::string in_quotes(std::string_view s) {
  return "\"" + json_escape(s) + "\"";
}

// The list's box, placement and steps.
std::string header(const DisplayList& list) {
  return "size " + num(list.width) + "x" + num(list.height) + " background " +
         color(list.background) + " scale " + num(list.scale) + " dx " + num(list.dx) + " dy " +
         num(list.dy) + " clip " + (list.clip ? "yes" : "no") + " steps " +
         std::to_string(list.step_count) + "\n";
}

std::string effect(const Effect& e) {
  std::string range = " " + step(e.from) + ".." + step(e.until);
  switch (e.kind) {
    case Effect::Kind::Dim: return "dim" + range;
    case Effect::Kind::Color: return "color " + color(e.color) + range;
    case Effect::Kind::Strike: return "strike" + range;
    case Effect::Kind::Scale:
      return "scale " + num(e.scale) + " at " + num(e.cx) + " " + num(e.cy) + range;
    case Effect::Kind::Opacity: return "opacity " + num(e.alpha) + range;
  }
  return "?";
}

// Set 0 is always empty and not written.
std::string effect_sets(const DisplayList& list) {
  std::string out;
  for (size_t k = 1; k < list.effects.size(); ++k) {
    out += "effects " + std::to_string(k) + ":";
    for (size_t i = 0; i < list.effects[k].size(); ++i) {
      out += (i ? ", " : " ") + effect(list.effects[k][i]);
    }
    out += "\n";
  }
  return out;
}

// What a run shows: its glyphs' text in drawing (visual) order, as the
// PDF's ToUnicode map gives it back.
std::string run_text(const text::GlyphRun& run) {
  std::string out;
  for (std::string_view t : run.glyph_texts()) out += t;
  return out;
}

// SVG text's frame: " matrix 0 -1 1 0 10 20 clips 1 opacity 0.50", the
// defaults left out as for paths.
std::string frame(const TextFrame& f) {
  std::string out;
  if (f.matrix != identity_matrix) {
    out += " matrix";
    for (float v : f.matrix) out += " " + num(v);
  }
  if (!f.clips.empty()) out += " clips " + std::to_string(f.clips.size());
  if (f.opacity != 1) out += " opacity " + num(f.opacity);
  return out;
}

std::string text_item(const TextItem& t, const DumpOptions& options) {
  if (!t.run) return "text (no run) fill " + color(t.fill);
  const text::GlyphRun& run = *t.run;
  std::string font = options.fonts && run.font < options.fonts->size()
                         ? options.fonts->face(run.font).postscript
                         : "font " + std::to_string(run.font);
  std::string out = "w " + num(run.width) + " font " + font + " size " + num(run.size) +
                    (run.rtl ? " rtl" : "") + " fill " + color(t.fill) + " " +
                    in_quotes(run_text(run));
  if (t.actual_text) out += " actual " + in_quotes(*t.actual_text);
  if (t.frame) out += frame(*t.frame);
  return "text " + out;
}

// A short number: up to two decimals, no trailing zeros ("12", "0.5").
std::string short_num(float v) {
  std::string s = num(v);
  while (s.back() == '0') s.pop_back();
  if (s.back() == '.') s.pop_back();
  return s;
}

// Path data as SVG writes it, absolute commands, the first 12 segments
// and a count of the rest.
std::string path_data(const PathData& p) {
  std::string out;
  size_t k = 0, shown = 0;
  for (PathData::Op o : p.ops) {
    if (shown == 12) {
      out += " +" + std::to_string(p.ops.size() - 12);
      break;
    }
    int n = o == PathData::Op::Cubic ? 6 : o == PathData::Op::Close ? 0 : 2;
    out += shown ? " " : "";
    out += o == PathData::Op::Move    ? "M"
           : o == PathData::Op::Line  ? "L"
           : o == PathData::Op::Cubic ? "C"
                                      : "Z";
    for (int i = 0; i < n; ++i)
      out += (i ? "," : "") + short_num(p.pts[k + static_cast<size_t>(i)]);
    k += static_cast<size_t>(n);
    ++shown;
  }
  return out;
}

// "path d "M0,0 L10,0 Z" matrix 2 0 0 2 0 0 fill #ff0000 evenodd stroke 1.00
// #000000 join round cap butt dash 4,2@0 clips 1 opacity 0.50", the
// defaults (identity matrix, no fill, no stroke, miter joins, butt caps,
// no clip, opacity 1) left out.
std::string path_item(const PathItem& item) {
  std::string out = "path d " + in_quotes(item.path ? path_data(*item.path) : "");
  if (!item.style) return out;
  const PathStyle& p = *item.style;
  if (p.matrix != identity_matrix) {
    out += " matrix";
    for (float v : p.matrix) out += " " + short_num(v);
  }
  if (p.fill_gradient) {
    const Gradient& g = *p.fill_gradient;
    out += std::string(" fill ") + (g.radial ? "radial" : "linear");
    for (const Gradient::Stop& st : g.stops) {
      out += " " + short_num(st.offset) + ":" + color(st.color);
    }
    if (p.fill && p.fill->a < 1) out += " alpha " + num(p.fill->a);
  } else if (p.fill) {
    out += " fill " + color(*p.fill);
  }
  if (p.even_odd) out += " evenodd";
  if (p.stroke) {
    out += " stroke " + num(p.stroke_width) + " " + color(*p.stroke);
    if (p.join != PathStyle::Join::Miter)
      out += p.join == PathStyle::Join::Round ? " join round" : " join bevel";
    if (p.cap != PathStyle::Cap::Butt)
      out += p.cap == PathStyle::Cap::Round ? " cap round" : " cap square";
    if (!p.dashes.empty()) {
      out += " dash ";
      for (size_t i = 0; i < p.dashes.size(); ++i) out += (i ? "," : "") + short_num(p.dashes[i]);
      out += "@" + short_num(p.dash_offset);
    }
  }
  if (!p.clips.empty()) out += " clips " + std::to_string(p.clips.size());
  if (p.opacity != 1) out += " opacity " + num(p.opacity);
  return out;
}

std::string path_shown(const std::string& path, const DumpOptions& options) {
  if (options.base_dir.empty()) return path;
  std::error_code ec;
  std::filesystem::path base = std::filesystem::weakly_canonical(options.base_dir, ec);
  std::filesystem::path rel = std::filesystem::path(path).lexically_relative(base);
  return ec || rel.empty() ? path : rel.generic_string();
}

// The item's kind and what it draws; x and y are written before it.
std::string item_body(const Item& item, const DumpOptions& options) {
  if (auto* t = std::get_if<TextItem>(&item.v)) return text_item(*t, options);
  if (auto* r = std::get_if<RectItem>(&item.v)) {
    std::string out = "rect " + num(r->width) + "x" + num(r->height) + " fill " + color(r->fill);
    if (r->stroke_width > 0) out += " stroke " + num(r->stroke_width) + " " + color(r->stroke);
    return out;
  }
  if (auto* l = std::get_if<LineItem>(&item.v)) {
    return "line to " + num(l->x2) + " " + num(l->y2) + " width " + num(l->width) + " " +
           color(l->color);
  }
  if (auto* m = std::get_if<MarkerItem>(&item.v)) {
    const char* shape = m->shape == MarkerItem::Shape::Disc     ? "disc"
                        : m->shape == MarkerItem::Shape::Circle ? "circle"
                                                                : "square";
    return std::string("marker ") + shape + " size " + num(m->size) + " " + color(m->color);
  }
  if (auto* k = std::get_if<LinkItem>(&item.v)) {
    return "link " + num(k->width) + "x" + num(k->height) + " href " + in_quotes(k->href);
  }
  if (auto* p = std::get_if<PathItem>(&item.v)) return path_item(*p);
  const auto& img = std::get<ImageItem>(item.v);
  return std::string("image ") + num(img.width) + "x" + num(img.height) + " " +
         image::format_name(img.picture->format) + " " + in_quotes(path_shown(img.path, options));
}

// "text 10.00 20.00 ...": the kind first, then where, then the rest.
std::string item_line(const Item& item, const DumpOptions& options) {
  std::string body = item_body(item, options);
  size_t space = body.find(' ');
  std::string out = body.substr(0, space) + " " + num(item.x) + " " + num(item.y) +
                    (space == std::string::npos ? "" : body.substr(space));
  if (item.step != 0) out += " step " + step(item.step);
  if (item.until != never) out += " until " + step(item.until);
  if (item.effects != 0) out += " effects " + std::to_string(item.effects);
  return out + "\n";
}

// Indices as ranges: "0-3, 7, 9-10".
std::string index_ranges(const std::vector<uint32_t>& items) {
  std::string out;
  for (size_t i = 0; i < items.size();) {
    size_t j = i;
    while (j + 1 < items.size() && items[j + 1] == items[j] + 1) ++j;
    out += (i ? ", " : "") + std::to_string(items[i]);
    if (j > i) out += "-" + std::to_string(items[j]);
    i = j + 1;
  }
  return out;
}

// The list's layers (layers.h) in drawing order, with the items they hold.
std::string layers_part(const DisplayList& list) {
  std::string out;
  for (size_t k = 0; k < list.layers.size(); ++k) {
    const Layer& layer = list.layers[k];
    out += "layer " + std::to_string(k) + ": step " + step(layer.step) + " until " +
           step(layer.until) + " effects " + std::to_string(layer.effects) + " items " +
           index_ranges(layer.items) + "\n";
  }
  return out;
}

}  // namespace

std::string dump_list(const DisplayList& list, const DumpOptions& options) {
  std::string out = header(list) + effect_sets(list);
  for (const Item& item : list.items) out += "  " + item_line(item, options);
  return out + layers_part(list);
}

}  // namespace deckpdf::layout
