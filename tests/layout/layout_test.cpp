#include "layout/layout.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <set>

#include "deck/deck.h"
#include "layout/image.h"
#include "pug/parse.h"
#include "support/fonts.h"
#include "support/laid_out.h"
#include "support/paths.h"

using namespace deckpdf;

using test::lay_out;

namespace {

struct TextBox {
  std::string text;
  float left, right, baseline;
  float size;
  int step;
};

// Text items with their box on the slide (after the list's own scale).
std::vector<TextBox> texts(const layout::DisplayList& list) {
  std::vector<TextBox> out;
  for (const auto& item : list.items) {
    if (auto* t = std::get_if<layout::TextItem>(&item.v)) {
      float l = list.dx + item.x * list.scale;
      out.push_back({t->run->text, l, l + t->run->width * list.scale, list.dy + item.y * list.scale,
                     t->run->size * list.scale, item.step});
    }
  }
  return out;
}

const TextBox* find(const std::vector<TextBox>& boxes, const std::string& text) {
  for (const auto& b : boxes) {
    if (b.text == text) return &b;
  }
  return nullptr;
}

}  // namespace

TEST_CASE("seed slide 4: a centred heading over centred lines, fragments by step", "[layout]") {
  auto l = lay_out(test::read_file(test::source_dir() + "/samples/beam.pug"));
  REQUIRE(l->lists.size() == 6);
  const auto& list = l->lists[3];
  // 960 x 700 widened to the 16:9 page, as reveal.js's print view does.
  CHECK(list.width == Approx(700 * 16.0 / 9));
  CHECK(list.height == 700);
  CHECK(list.scale == 1);
  auto boxes = texts(list);
  const TextBox* heading = find(boxes, "CONCURRENCY");
  REQUIRE(heading);
  CHECK(heading->size == Approx(42 * 1.6));
  CHECK(heading->step == 0);
  // Centred: the middle of each line is the middle of the slide.
  float middle = list.width / 2;
  CHECK((heading->left + heading->right) / 2 == Approx(middle).margin(1));
  const TextBox* first = find(boxes, "async isn't concurrency");
  REQUIRE(first);
  CHECK((first->left + first->right) / 2 == Approx(middle).margin(1));
  CHECK(first->baseline > heading->baseline + 40);
  CHECK(first->step == 0);
  // Nested fragments appear at their own step; a plain child of a fragment
  // appears with it.
  CHECK(find(boxes, "WhatsApp 2 million")->step == 1);
  CHECK(find(boxes, "from heavy cache to no cache")->step == 5);
  CHECK(find(boxes, "@TODO find out what Riot uses Elixir for")->step == 6);
  // The block is centred vertically: equal space above and below.
  float top = heading->baseline - heading->size;
  float bottom = find(boxes, "@TODO find out what Riot uses Elixir for")->baseline;
  CHECK(top > 40);
  CHECK(700 - bottom > 40);
  CHECK(std::abs(top - (700 - bottom)) < 60);
  // A bare `li` gets no bullet, as in reveal.js.
  for (const auto& item : list.items)
    CHECK_FALSE(std::holds_alternative<layout::MarkerItem>(item.v));
}

TEST_CASE("every text of every sample lies inside its slide", "[layout]") {
  for (const char* sample : {"beam.pug", "deckpdf-tour.pug"}) {
    CAPTURE(sample);
    auto l = lay_out(test::read_file(test::source_dir() + "/samples/" + sample));
    REQUIRE_FALSE(l->lists.empty());
    for (const auto& list : l->lists) {
      for (const auto& b : texts(list)) {
        CAPTURE(b.text);
        CHECK(b.left >= -0.5f);
        CHECK(b.right <= list.width + 0.5f);
        CHECK(b.baseline - b.size >= -0.5f);
        CHECK(b.baseline <= list.height + 0.5f);
      }
    }
  }
}

TEST_CASE("a long line wraps inside the slide width", "[layout]") {
  auto l = lay_out("section\n  p " + std::string(30, 'x') + " " +
                   "a sentence that is far too long to fit on one line of a slide at this size");
  auto boxes = texts(l->lists[0]);
  REQUIRE(boxes.size() >= 2);
  float first_baseline = boxes.front().baseline;
  CHECK(boxes.back().baseline > first_baseline);
  for (const auto& b : boxes) CHECK(b.right <= l->lists[0].width + 0.5f);
}

TEST_CASE("a word longer than the line is broken rather than overflowing", "[layout]") {
  auto l = lay_out("section\n  p " + std::string(200, 'W') + "\n");
  auto boxes = texts(l->lists[0]);
  REQUIRE(boxes.size() >= 2);
  for (const auto& b : boxes) CHECK(b.right <= l->lists[0].width + 0.5f);
}

TEST_CASE("a ul is a shrink-to-fit block, centred, its items left-aligned with bullets",
          "[layout]") {
  auto l = lay_out("section\n  ul\n    li Short\n    li A much longer item\n");
  const auto& list = l->lists[0];
  auto boxes = texts(list);
  const TextBox* a = find(boxes, "Short");
  const TextBox* b = find(boxes, "A much longer item");
  REQUIRE(a);
  REQUIRE(b);
  CHECK(a->left == Approx(b->left));
  // The widest item is centred (the list's 1em left margin aside).
  CHECK((b->left + b->right) / 2 == Approx(list.width / 2 + 21).margin(2));
  int markers = 0;
  for (const auto& item : list.items) {
    if (auto* m = std::get_if<layout::MarkerItem>(&item.v)) {
      ++markers;
      CHECK(m->shape == layout::MarkerItem::Shape::Disc);
      CHECK(item.x < a->left);
    }
  }
  CHECK(markers == 2);
}

TEST_CASE("ordered lists are numbered", "[layout]") {
  auto l = lay_out("section\n  ol\n    li one\n    li two\n    li three\n");
  auto boxes = texts(l->lists[0]);
  CHECK(find(boxes, "1. "));
  CHECK(find(boxes, "3. "));
}

TEST_CASE("a slide with 30 bullets is shrunk to fit, with a warning", "[layout]") {
  std::string deck = "section\n  h2 Many\n  ul\n";
  for (int i = 1; i <= 30; ++i) deck += "    li Bullet number " + std::to_string(i) + "\n";
  auto l = lay_out(deck);
  const auto& list = l->lists[0];
  CHECK(list.scale < 1);
  CHECK(list.scale >= l->theme.min_scale);
  CHECK(l->diags.has_code("layout.shrunk"));
  CHECK_FALSE(l->diags.has_code("layout.overflow"));
  CHECK_FALSE(list.clip);
  for (const auto& b : texts(list)) CHECK(b.baseline <= 700.5f);
}

TEST_CASE("a slide too full even at the smallest scale is clipped and warned about", "[layout]") {
  std::string deck = "section\n";
  for (int i = 1; i <= 120; ++i) deck += "  p Paragraph " + std::to_string(i) + "\n";
  auto l = lay_out(deck);
  CHECK(l->lists[0].clip);
  CHECK(l->lists[0].scale == Approx(l->theme.min_scale));
  CHECK(l->diags.has_code("layout.overflow"));
}

TEST_CASE("text-transform keeps the source text for extraction", "[layout]") {
  auto l = lay_out("section\n  h2 Concurrency\n");
  const auto& list = l->lists[0];
  bool found = false;
  for (const auto& item : list.items) {
    if (auto* t = std::get_if<layout::TextItem>(&item.v)) {
      CHECK(t->run->text == "CONCURRENCY");
      REQUIRE(t->actual_text);
      CHECK(*t->actual_text == "Concurrency");
      found = true;
    }
  }
  CHECK(found);
}

TEST_CASE("speaker notes are not laid out on the slide", "[layout]") {
  auto l = lay_out("section\n  h1 Title\n  aside.notes\n    p secret notes\n");
  for (const auto& b : texts(l->lists[0])) CHECK(b.text.find("secret") == std::string::npos);
}

TEST_CASE("a line broken at a soft hyphen shows a hyphen, and unbroken ones stay invisible",
          "[layout]") {
  auto l = lay_out(
      "section\n"
      "  p(style=\"width: 200px\") extra\xC2\xAD"
      "ordinarily long\n"
      "  p short\xC2\xAD"
      "ened\n");
  auto boxes = texts(l->lists[0]);
  bool hyphen = false;
  for (const auto& b : boxes) {
    CAPTURE(b.text);
    if (b.text == "-") hyphen = true;
    CHECK(b.right <= l->lists[0].width + 0.5f);
  }
  CHECK(hyphen);
  CHECK(find(boxes,
             "short\xC2\xAD"
             "ened"));
}

TEST_CASE("right-to-left text is laid out in visual order", "[layout]") {
  auto l = lay_out(
      "section\n  p(style=\"text-align: left\") abc \xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D def\n");
  auto boxes = texts(l->lists[0]);
  // Three runs: "abc ", the Hebrew word, " def", left to right on the line.
  std::vector<std::string> order;
  for (const auto& b : boxes) order.push_back(b.text);
  REQUIRE(order.size() >= 3);
  CHECK(order.front() == "abc ");
  CHECK(order.back() == " def");
  for (size_t i = 1; i < boxes.size(); ++i) CHECK(boxes[i].left >= boxes[i - 1].right - 0.5f);
}

TEST_CASE("images: intrinsic size, width/height keeping the aspect, inline on one line, centred",
          "[layout][image]") {
  std::string dir = test::source_dir() + "/tests/layout/decks";
  auto l = lay_out(test::read_file(dir + "/images.pug"), dir);
  REQUIRE(l->lists.size() == 2);
  std::vector<std::pair<float, float>> sizes;
  std::vector<const layout::Item*> items;
  for (const auto& item : l->lists[0].items) {
    if (auto* im = std::get_if<layout::ImageItem>(&item.v)) {
      sizes.emplace_back(im->width, im->height);
      items.push_back(&item);
    }
  }
  using P = std::pair<float, float>;
  REQUIRE(sizes == std::vector<P>{{64, 32}, {80, 80}, {100, 50}, {80, 60}});
  // Siblings with nothing between them (pug writes no space) sit side by
  // side on one line, bottoms on its baseline, the row centred as a line.
  float bottom = items[0]->y + sizes[0].second;
  for (size_t k = 1; k < items.size(); ++k) {
    CHECK(items[k]->x == Approx(items[k - 1]->x + sizes[k - 1].first).margin(0.01));
    CHECK(items[k]->y + sizes[k].second == Approx(bottom).margin(0.01));
  }
  float row = items.back()->x + sizes.back().first - items.front()->x;
  CHECK(items.front()->x + row / 2 == Approx(l->lists[0].width / 2).margin(0.5));
}

TEST_CASE("images: an img in text stands on the baseline, and a row of them wraps",
          "[layout][image]") {
  std::string dir = test::source_dir() + "/tests/layout/decks";
  auto l = lay_out(
      "section\n  p Powered by \n    img(src=\"img/grey.png\" style=\"height: 40px\")\n"
      "    |  and more text\n"
      "  p\n"
      "    img(src=\"img/grey.png\" style=\"width: 300px\")\n"
      "    img(src=\"img/grey.png\" style=\"width: 300px\")\n"
      "    img(src=\"img/grey.png\" style=\"width: 300px\")\n"
      "    img(src=\"img/grey.png\" style=\"width: 300px\")\n"
      "    img(src=\"img/grey.png\" style=\"width: 300px\")\n",
      dir);
  const auto& list = l->lists[0];
  std::vector<const layout::Item*> pictures;
  for (const auto& item : list.items) {
    if (std::holds_alternative<layout::ImageItem>(item.v)) pictures.push_back(&item);
  }
  REQUIRE(pictures.size() == 6);
  auto boxes = texts(list);
  const TextBox* before = find(boxes, "Powered by ");
  const TextBox* after = find(boxes, " and more text");
  REQUIRE(before);
  REQUIRE(after);
  const auto& first = std::get<layout::ImageItem>(pictures[0]->v);
  // Text, picture, text on one baseline, left to right.
  CHECK(before->baseline == Approx(after->baseline));
  // The margin box's bottom on the baseline (white.css: img margin 20px 0).
  float bottom = list.dy + (pictures[0]->y + first.height + 20) * list.scale;
  CHECK(bottom == Approx(before->baseline).margin(0.01));
  CHECK(list.dx + pictures[0]->x * list.scale == Approx(before->right).margin(0.5));
  CHECK(after->left == Approx(list.dx + (pictures[0]->x + first.width) * list.scale).margin(0.5));
  // Five 300 px pictures do not fit one line: they wrap between pictures.
  std::set<float> rows;
  for (size_t k = 1; k < pictures.size(); ++k) rows.insert(pictures[k]->y);
  CHECK(rows.size() >= 2);
  for (size_t k = 1; k < pictures.size(); ++k) CHECK(pictures[k]->x + 300 <= list.width + 0.5f);
}

TEST_CASE("images: vertical-align middle, top, bottom, text-top, text-bottom, lengths, %",
          "[layout][image]") {
  std::string dir = test::source_dir() + "/tests/layout/decks";
  // One line each: text, a 100 px picture on the baseline that makes the
  // line tall, and a 20 px one aligned as asked (margins off, line-height
  // 40 px at font-size 20 px).
  std::string deck = "section\n";
  const char* aligns[] = {"middle",      "top",  "bottom", "text-top",
                          "text-bottom", "10px", "50%",    "baseline"};
  for (const char* a : aligns) {
    deck += std::string("  p(style=\"font-size: 20px; line-height: 40px\") x\n") +
            "    img(src=\"img/grey.png\" style=\"height: 100px; margin: 0\")\n" +
            "    img(src=\"img/grey.png\" style=\"height: 20px; margin: 0; vertical-align: " + a +
            "\")\n";
  }
  auto l = lay_out(deck, dir);
  const auto& list = l->lists[0];
  std::vector<const layout::Item*> pictures;
  std::vector<float> baselines;
  for (const auto& item : list.items) {
    if (std::holds_alternative<layout::ImageItem>(item.v)) pictures.push_back(&item);
    if (auto* t = std::get_if<layout::TextItem>(&item.v)) {
      if (t->run->text == "x") baselines.push_back(item.y);
    }
  }
  REQUIRE(pictures.size() == 16);
  REQUIRE(baselines.size() == 8);
  auto top = [&](int line) { return pictures[static_cast<size_t>(line * 2 + 1)]->y; };
  auto tall_top = [&](int line) { return pictures[static_cast<size_t>(line * 2)]->y; };
  // Text on the baseline, the tall picture's bottom on it too.
  for (int k = 0; k < 8; ++k) CHECK(tall_top(k) + 100 == Approx(baselines[k]).margin(0.01));
  // middle: its centre a quarter em (half an x-height) above the baseline.
  CHECK(top(0) + 10 == Approx(baselines[0] - 5).margin(0.01));
  // top: with the line box's top, which the tall picture sets.
  CHECK(top(1) == Approx(tall_top(1)).margin(0.01));
  // bottom: with the line box's bottom, below the baseline by the strut's
  // descent and half-leading; lower than a baseline picture's bottom.
  CHECK(top(2) + 20 > baselines[2] + 1);
  CHECK(top(2) + 20 < baselines[2] + 20);
  // text-top and text-bottom: the font's ascent and descent.
  CHECK(top(3) < baselines[3] - 10);
  CHECK(top(3) >= baselines[3] - 21);  // about 1 em: Source Sans 3 ascends 1.02 em
  CHECK(top(4) + 20 > baselines[4]);
  CHECK(top(4) + 20 < baselines[4] + 10);
  // Lengths and percentages (of its line-height, 40 px) raise it.
  CHECK(top(5) + 20 == Approx(baselines[5] - 10).margin(0.01));
  CHECK(top(6) + 20 == Approx(baselines[6] - 20).margin(0.01));
  CHECK(top(7) + 20 == Approx(baselines[7]).margin(0.01));
}

TEST_CASE("images: a width attribute in percent is of the line, as style's is", "[layout][image]") {
  std::string dir = test::source_dir() + "/tests/layout/decks";
  auto l = lay_out(
      "section\n  p\n    img(src=\"img/grey.png\" width=\"50%\")\n"
      "  p\n    img(src=\"img/grey.png\" style=\"width: 50%\")\n"
      "  p\n    img(src=\"img/grey.png\" width=\"40\" height=\"50%\")\n",
      dir);
  std::vector<const layout::ImageItem*> pictures;
  for (const auto& item : l->lists[0].items) {
    if (auto* im = std::get_if<layout::ImageItem>(&item.v)) pictures.push_back(im);
  }
  REQUIRE(pictures.size() == 3);
  CHECK(pictures[0]->width > 200);
  CHECK(pictures[0]->width == Approx(pictures[1]->width));
  CHECK(pictures[2]->width == 40);  // the height in percent is none: the ratio kept
}

TEST_CASE("images: remote, outside, site-absolute, file:, missing and broken ones are refused",
          "[layout][image]") {
  std::string dir = test::source_dir() + "/tests/layout/decks";
  auto l = lay_out(test::read_file(dir + "/images.pug"), dir);
  for (const auto& item : l->lists[1].items) {
    CHECK_FALSE(std::holds_alternative<layout::ImageItem>(item.v));
  }
  std::vector<uint32_t> lines;
  for (const auto& d : l->diags.items()) {
    if (d.code == "layout.image") lines.push_back(l->source.line_col(d.span.begin).line);
  }
  CHECK(lines == std::vector<uint32_t>{9, 10, 11, 12, 13, 14});
  CHECK_FALSE(l->diags.has_errors());
}

TEST_CASE("images: a path through a symbolic link out of the folder is refused",
          "[layout][image]") {
  std::string dir = test::temp_dir() + "/linkdeck";
  std::filesystem::create_directories(dir);
  std::error_code ec;
  std::filesystem::create_symlink("/etc", dir + "/etc", ec);
  REQUIRE_FALSE(ec);
  auto info = layout::image_find("etc/hostname", dir, "");
  CHECK_FALSE(info.ok);
  CHECK(info.problem.find("outside") != std::string::npos);
}

namespace {
std::unique_ptr<test::LaidOut> lay_out_theme(const std::string& text, const std::string& css) {
  std::vector<style::CssProblem> problems;
  style::Theme theme = style::Theme::parse(css, "test", problems);
  REQUIRE(problems.empty());
  return test::lay_out(text, ".", &theme);
}
}  // namespace

TEST_CASE("tables: columns as wide as their widest cell, rows as tall as their tallest",
          "[layout][table]") {
  auto l = lay_out(
      "section\n"
      "  table\n"
      "    tr\n      th Mode\n      th Pages\n"
      "    tr\n      td slides\n      td 6\n"
      "    tr\n      td a much longer cell\n      td 18\n");
  auto boxes = texts(l->lists[0]);
  const TextBox* mode = find(boxes, "Mode");
  const TextBox* slides = find(boxes, "slides");
  const TextBox* longer = find(boxes, "a much longer cell");
  const TextBox* pages = find(boxes, "Pages");
  const TextBox* six = find(boxes, "6");
  const TextBox* eighteen = find(boxes, "18");
  REQUIRE((mode && slides && longer && pages && six && eighteen));
  // One column's cells share a left edge; the second column starts after
  // the widest cell of the first.
  CHECK(mode->left == Approx(slides->left));
  CHECK(slides->left == Approx(longer->left));
  CHECK(pages->left == Approx(six->left));
  CHECK(six->left == Approx(eighteen->left));
  CHECK(pages->left > longer->right);
  // Rows go down.
  CHECK(slides->baseline > mode->baseline);
  CHECK(longer->baseline > slides->baseline);
  // Rules under the rows (the white theme's border-bottom), but the last
  // (reveal.js: `tbody tr:last-child td { border-bottom: none }`; the rows
  // are in the tbody HTML makes around them).
  int rules = 0;
  float lowest = 0;
  for (const auto& item : l->lists[0].items) {
    if (!std::holds_alternative<layout::LineItem>(item.v)) continue;
    ++rules;
    lowest = std::max(lowest, item.y);
  }
  CHECK(rules == 4);
  CHECK(lowest < longer->baseline);
}

TEST_CASE("a Markdown table with aligned columns", "[layout][table]") {
  auto l = lay_out(
      "section\n"
      "  :markdown-it\n"
      "    | a | b |\n"
      "    |---|--:|\n"
      "    | x | 10 |\n"
      "    | y | 200 |\n");
  auto boxes = texts(l->lists[0]);
  const TextBox* ten = find(boxes, "10");
  const TextBox* two_hundred = find(boxes, "200");
  REQUIRE((ten && two_hundred));
  CHECK(ten->right == Approx(two_hundred->right).margin(0.5));  // right-aligned column
}

TEST_CASE("backgrounds: cover fills the slide, contain fits inside it", "[layout][image]") {
  std::string dir = test::source_dir() + "/tests/layout/decks";
  auto l = lay_out(test::read_file(dir + "/backgrounds.pug"), dir);
  REQUIRE(l->lists.size() == 4);
  auto first_image = [](const layout::DisplayList& list) -> const layout::Item* {
    for (const auto& item : list.items) {
      if (std::holds_alternative<layout::ImageItem>(item.v)) return &item;
    }
    return nullptr;
  };
  const layout::Item* cover = first_image(l->lists[0]);
  REQUIRE(cover);
  CHECK(&l->lists[0].items.front() == cover);  // drawn under everything
  const auto& c = std::get<layout::ImageItem>(cover->v);
  CHECK(c.width >= l->lists[0].width - 0.5f);
  CHECK(c.height >= l->lists[0].height - 0.5f);
  const layout::Item* contain = first_image(l->lists[1]);
  REQUIRE(contain);
  const auto& k = std::get<layout::ImageItem>(contain->v);
  // A 2:1 picture on a 16:9 slide: as wide as the slide, less tall.
  CHECK(k.width == Approx(l->lists[1].width));
  CHECK(k.height < l->lists[1].height);
  CHECK_FALSE(first_image(l->lists[2]));  // remote: left out, with a warning
  CHECK(l->diags.has_code("layout.image"));
}

TEST_CASE("r-fit-text makes a line as wide as the slide", "[layout]") {
  auto l =
      lay_out("section\n  p.r-fit-text A rather longer line of text that must shrink to fit\n");
  auto boxes = texts(l->lists[0]);
  REQUIRE(boxes.size() == 1);
  float width = boxes[0].right - boxes[0].left;
  CHECK(width > 0.9f * l->lists[0].width);
  CHECK(width <= l->lists[0].width + 0.5f);
}

TEST_CASE("code that is too wide wraps, or shrinks where the theme says so", "[layout]") {
  std::string deck = "section\n  pre: code.\n    " + std::string(120, 'x') + "\n    short\n";
  const char* css =
      ":root { --slide-width: 960px; --slide-height: 700px; %s }\n"
      "section { font-size: 40px; } pre { white-space: pre; font-family: monospace; }";
  char wrap_css[256], shrink_css[256];
  std::snprintf(wrap_css, sizeof wrap_css, css, "");
  std::snprintf(shrink_css, sizeof shrink_css, css, "--code-overflow: shrink;");
  auto wrapped = lay_out_theme(deck, wrap_css);
  auto shrunk = lay_out_theme(deck, shrink_css);
  auto wb = texts(wrapped->lists[0]);
  auto sb = texts(shrunk->lists[0]);
  for (const auto& b : wb) CHECK(b.right <= wrapped->lists[0].width + 0.5f);
  for (const auto& b : sb) CHECK(b.right <= shrunk->lists[0].width + 0.5f);
  // Wrapping keeps the size and needs more lines; shrinking keeps lines.
  CHECK(wb.size() > sb.size());
  CHECK(sb.front().size < wb.front().size);
}

TEST_CASE("the bundled themes give their colours", "[layout][style]") {
  for (const char* name : {"white", "black", "solarized", "moon", "beige"}) {
    CAPTURE(name);
    std::string error;
    Diagnostics warnings;
    auto theme = style::theme_load(test::source_dir() + "/layouts", name, error, warnings);
    REQUIRE(theme);
    CHECK(warnings.items().empty());
    float lum = theme->background.r + theme->background.g + theme->background.b;
    if (std::string(name) == "black" || std::string(name) == "moon")
      CHECK(lum < 0.5f);
    else
      CHECK(lum > 2.5f);
  }
}

TEST_CASE("r-stretch gives a picture the height the rest of the slide leaves", "[layout][image]") {
  std::string dir = test::source_dir() + "/tests/layout/decks";
  // `.stretch`, reveal.js 3's name, which reveal.js still reads, likewise.
  auto cls = GENERATE(as<std::string>{}, "r-stretch", "stretch");
  CAPTURE(cls);
  auto l =
      lay_out("section\n  h2 Title\n  img." + cls + "(src=\"img/photo.jpg\")\n  p caption\n", dir);
  const auto& list = l->lists[0];
  float image_h = 0, image_w = 0;
  for (const auto& item : list.items) {
    if (auto* im = std::get_if<layout::ImageItem>(&item.v)) {
      image_h = im->height;
      image_w = im->width;
    }
  }
  // 80x60 grows far past its own size, keeping its aspect, and the slide
  // stays unscaled: the content fills it.
  CHECK(image_h > 300);
  CHECK(image_w / image_h == Approx(80.0 / 60).epsilon(0.01));
  CHECK(list.scale == 1);
  auto boxes = texts(list);
  const TextBox* caption = find(boxes, "caption");
  REQUIRE(caption);
  CHECK(caption->baseline <= list.height);
  CHECK(caption->baseline > list.height - 80);
}

TEST_CASE("images: --asset-root maps site-absolute paths, and only into itself",
          "[layout][image]") {
  std::string root = test::temp_dir() + "/assets";
  std::filesystem::create_directories(root + "/content/images");
  std::filesystem::copy_file(test::source_dir() + "/tests/layout/decks/img/grey.png",
                             root + "/content/images/x.png",
                             std::filesystem::copy_options::overwrite_existing);
  auto ok = layout::image_find("/content/images/x.png", ".", root);
  CHECK(ok.ok);
  CHECK(ok.width == 50);
  auto escape = layout::image_find("/../../../etc/hostname", ".", root);
  CHECK_FALSE(escape.ok);
  auto without = layout::image_find("/content/images/x.png", ".", "");
  CHECK_FALSE(without.ok);
  CHECK(without.problem.find("--asset-root") != std::string::npos);
}

TEST_CASE("images: a picture inside a link is what a reader clicks", "[layout][image]") {
  std::string dir = test::source_dir() + "/tests/layout/decks";
  auto l =
      lay_out("section\n  a(href=\"https://example.com\")\n    img(src=\"img/grey.png\")\n", dir);
  const layout::Item* picture = nullptr;
  const layout::LinkItem* link = nullptr;
  const layout::Item* link_item = nullptr;
  for (const auto& item : l->lists[0].items) {
    if (std::holds_alternative<layout::ImageItem>(item.v)) picture = &item;
    if (auto* k = std::get_if<layout::LinkItem>(&item.v)) {
      link = k;
      link_item = &item;
    }
  }
  REQUIRE(picture);
  REQUIRE(link);
  const auto& im = std::get<layout::ImageItem>(picture->v);
  CHECK(link->href == "https://example.com");
  CHECK(link_item->x == Approx(picture->x));
  CHECK(link_item->y == Approx(picture->y));
  CHECK(link->width == Approx(im.width));
  CHECK(link->height == Approx(im.height));
}

TEST_CASE("center: false puts content at the top, class center centres a slide anyway",
          "[layout]") {
  const std::string slides = "section\n  h2 Top\n  p One line\nsection.center\n  h2 Middle\n";
  auto top = lay_out("---\ncenter: false\n---\n" + slides);
  CHECK(top->diags.items().empty());
  REQUIRE(top->lists.size() == 2);
  // reveal.js's print view: the slide box at the top of the page, its
  // margin (4%) shared above and below it, the content at the box's top.
  CHECK(top->lists[0].dy == Approx(700 * (1 - 1 / 1.04) / 2));
  const auto top_texts = texts(top->lists[0]);  // find() points into it
  const TextBox* heading = find(top_texts, "TOP");
  REQUIRE(heading);
  CHECK(heading->baseline < 100);
  const auto middle_texts = texts(top->lists[1]);
  const TextBox* middle = find(middle_texts, "MIDDLE");
  REQUIRE(middle);
  CHECK(middle->baseline == Approx(350).margin(40));
  // The default centres both.
  auto centred = lay_out(slides);
  const auto centred_texts = texts(centred->lists[0]);
  const TextBox* again = find(centred_texts, "TOP");
  REQUIRE(again);
  CHECK(again->baseline > 250);
  // Neither true nor false: a warning, and reveal.js's default.
  auto odd = lay_out("---\ncenter: maybe\n---\n" + slides);
  REQUIRE(odd->diags.items().size() == 1);
  CHECK(odd->diags.items()[0].code == "deck.center");
  CHECK(odd->lists[0].dy > 200);
}
