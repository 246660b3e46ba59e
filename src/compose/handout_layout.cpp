// compose/handout_layout — layouts/*.handout files read into a
// HandoutLayout (see handout_layout.h): `key: value` lines, '#' comments,
// lengths in mm; the first mistake is reported at its place in the file.
#include "compose/handout_layout.h"

#include <charconv>
#include <cstdint>
#include <utility>
#include <vector>

#include "source/files.h"
#include "source/strings.h"

namespace deckpdf::compose {

namespace {

std::vector<std::string_view> words(std::string_view s) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
    size_t b = i;
    while (i < s.size() && s[i] != ' ' && s[i] != '\t') ++i;
    if (i > b) out.push_back(s.substr(b, i - b));
  }
  return out;
}

// "12mm", "12" (mm) -> mm.
bool mm_parse(std::string_view w, float& out) {
  if (w.size() > 2 && w.substr(w.size() - 2) == "mm") w.remove_suffix(2);
  auto r = std::from_chars(w.data(), w.data() + w.size(), out);
  return r.ec == std::errc() && r.ptr == w.data() + w.size() && out >= 0 && out <= 1000;
}

// "0.55" (a fraction) or "40mm".
bool box_value_parse(std::string_view w, float& out, bool& mm) {
  mm = w.size() > 2 && w.substr(w.size() - 2) == "mm";
  if (mm) w.remove_suffix(2);
  auto r = std::from_chars(w.data(), w.data() + w.size(), out);
  if (r.ec != std::errc() || r.ptr != w.data() + w.size() || out < 0) return false;
  return mm ? out <= 1000 : out <= 1;
}

// "10pt", "10" (pt) -> pt, 4 to 72.
bool pt_parse(std::string_view w, float& out) {
  if (w.size() > 2 && w.substr(w.size() - 2) == "pt") w.remove_suffix(2);
  auto r = std::from_chars(w.data(), w.data() + w.size(), out);
  return r.ec == std::errc() && r.ptr == w.data() + w.size() && out >= 4 && out <= 72;
}

}  // namespace

bool handout_layout_parse(const std::shared_ptr<const Source>& file, HandoutLayout& out,
                          Diagnostics& diags) {
  std::string_view text = file->text();
  std::string_view where;  // what a mistake on this line points at
  auto fail = [&](const std::string& why) {
    auto begin = static_cast<uint32_t>(where.data() - text.data());
    diags.error(file, {begin, begin + static_cast<uint32_t>(where.size())}, "handout.bad-layout",
                why);
    return false;
  };
  size_t at = 0;
  while (at <= text.size()) {
    size_t nl = text.find('\n', at);
    std::string_view line = text.substr(at, (nl == std::string_view::npos ? text.size() : nl) - at);
    at = nl == std::string_view::npos ? text.size() + 1 : nl + 1;
    if (size_t hash = line.find('#'); hash != std::string_view::npos) line = line.substr(0, hash);
    line = trim(line);
    if (line.empty()) continue;
    where = line;
    size_t colon = line.find(':');
    if (colon == std::string_view::npos) return fail("expected 'key: value'");
    std::string_view key_text = trim(line.substr(0, colon));
    std::string key = ascii_lower(key_text);
    std::string_view value = trim(line.substr(colon + 1));
    where = value;
    std::vector<std::string_view> w = words(value);
    if (w.empty()) return fail("'" + key + "' has no value");
    auto yes_no = [&](bool& b) {
      std::string v = ascii_lower(value);
      if (v == "yes" || v == "true" || v == "on")
        b = true;
      else if (v == "no" || v == "false" || v == "off")
        b = false;
      else
        return fail("'" + key + "' is yes or no");
      return true;
    };
    auto length = [&](float& f) {
      if (w.size() != 1 || !mm_parse(w[0], f)) return fail("'" + key + "' is a length in mm");
      return true;
    };
    auto box = [&](CellBox& b) {
      if (w.size() != 4) return fail("'" + key + "' is four values: x y width height");
      if (!box_value_parse(w[0], b.x, b.x_mm) || !box_value_parse(w[1], b.y, b.y_mm) ||
          !box_value_parse(w[2], b.width, b.width_mm) ||
          !box_value_parse(w[3], b.height, b.height_mm)) {
        return fail("'" + key + "' values are fractions of the cell (0 to 1) or lengths (40mm)");
      }
      if (b.width <= 0 || b.height <= 0) return fail("'" + key + "' has no area");
      return true;
    };
    if (key == "paper") {
      std::string v = ascii_lower(value);
      if (v == "landscape")
        out.landscape = true;
      else if (v == "portrait")
        out.landscape = false;
      else
        return fail("'paper' is portrait or landscape (the size is --paper)");
    } else if (key == "margin") {
      float m[4];
      if (w.size() != 1 && w.size() != 2 && w.size() != 4) {
        return fail("'margin' is one, two or four lengths (top right bottom left)");
      }
      for (size_t i = 0; i < w.size(); ++i) {
        if (!mm_parse(w[i], m[i])) return fail("'margin' is lengths in mm");
      }
      if (w.size() == 1) m[1] = m[2] = m[3] = m[0];
      if (w.size() == 2) m[2] = m[0], m[3] = m[1];
      out.margin_top = m[0], out.margin_right = m[1], out.margin_bottom = m[2],
      out.margin_left = m[3];
    } else if (key == "header") {
      if (!length(out.header)) return false;
    } else if (key == "footer") {
      if (!length(out.footer)) return false;
    } else if (key == "gap") {
      if (!length(out.gap)) return false;
    } else if (key == "rule-gap") {
      if (!length(out.rule_gap)) return false;
      if (out.rule_gap < 3) return fail("'rule-gap' is at least 3mm");
    } else if (key == "grid") {
      std::string v = ascii_lower(value);
      size_t x = v.find('x');
      int c = 0, r = 0;
      auto r1 = std::from_chars(v.data(), v.data() + (x == std::string::npos ? 0 : x), c);
      auto r2 =
          x == std::string::npos ? r1 : std::from_chars(v.data() + x + 1, v.data() + v.size(), r);
      if (x == std::string::npos || r1.ec != std::errc() || r2.ec != std::errc() ||
          r2.ptr != v.data() + v.size() || c < 1 || r < 1 || c > 6 || r > 6) {
        return fail("'grid' is COLUMNSxROWS, each 1 to 6 (like 2x3)");
      }
      out.columns = c;
      out.rows = r;
    } else if (key == "slide") {
      if (!box(out.slide)) return false;
    } else if (key == "slide-align") {
      std::string v = ascii_lower(value);
      if (v == "top")
        out.slide_center = false;
      else if (v == "center")
        out.slide_center = true;
      else
        return fail("'slide-align' is top or center");
    } else if (key == "notes") {
      if (ascii_lower(value) == "none") {
        out.notes.reset();
      } else {
        CellBox b;
        if (!box(b)) return false;
        out.notes = b;
      }
    } else if (key == "notes-size" || key == "notes-min-size") {
      float& f = key == "notes-size" ? out.notes_size : out.notes_min_size;
      if (w.size() != 1 || !pt_parse(w[0], f))
        return fail("'" + key + "' is a size in pt, 4 to 72");
    } else if (key == "notes-font") {
      out.notes_font = std::string(value);
    } else if (key == "ruled") {
      if (!yes_no(out.ruled)) return false;
    } else {
      where = key_text;
      return fail("unknown key '" + key + "'");
    }
  }
  return true;
}

std::optional<HandoutLayout> handout_layout_load(const std::string& layouts_dir,
                                                 const std::string& name_or_path,
                                                 Diagnostics& diags, std::string& io_error) {
  bool is_path = name_or_path.find('/') != std::string::npos ||
                 (name_or_path.size() > 8 &&
                  name_or_path.compare(name_or_path.size() - 8, 8, ".handout") == 0);
  std::string path = is_path ? name_or_path : layouts_dir + "/" + name_or_path + ".handout";
  std::optional<std::string> bytes = file_read_all(path);
  if (!bytes) {
    io_error = "cannot read handout layout '" + name_or_path + "' (" + path + ")";
    return std::nullopt;
  }
  auto file = std::make_shared<const Source>(path, std::move(*bytes));
  HandoutLayout layout;
  layout.name = name_or_path;
  if (!handout_layout_parse(file, layout, diags)) return std::nullopt;
  return layout;
}

}  // namespace deckpdf::compose
