// image/: every kind of picture decoded to the pixels it shows, and broken
// ones refused with a reason, never a crash (pictures/ from make-pictures.sh).
#include <catch2/catch.hpp>
#include <filesystem>
#include <string>

#include "image/cache.h"
#include "image/data_uri.h"
#include "image/image.h"
#include "image/resample.h"
#include "support/paths.h"

using namespace deckpdf;

namespace {

image::Decoded load(const std::string& name) {
  return image::decode(test::read_file(test::source_dir() + "/tests/image/pictures/" + name));
}

// The colour (grey or RGB, as 0xRRGGBB) of the stored pixel (x, y).
uint32_t rgb_at(const image::Picture& p, uint32_t x, uint32_t y) {
  size_t i = (size_t{y} * p.width + x) * static_cast<size_t>(p.channels);
  auto b = [&](size_t k) { return static_cast<uint32_t>(static_cast<unsigned char>(p.pixels[k])); };
  if (p.channels == 1) return b(i) * 0x010101u;
  return b(i) << 16 | b(i + 1) << 8 | b(i + 2);
}

int alpha_at(const image::Picture& p, uint32_t x, uint32_t y) {
  if (p.alpha.empty()) return 255;
  return static_cast<unsigned char>(p.alpha[size_t{y} * p.width + x]);
}

}  // namespace

TEST_CASE("PNG: 16-bit, interlaced, grey+alpha and palette+tRNS become 8-bit pixels", "[image]") {
  auto p16 = load("png16.png");
  REQUIRE(p16.picture);
  CHECK(p16.picture->format == image::Format::Png);
  CHECK(p16.picture->width == 32);
  CHECK(p16.picture->height == 16);
  CHECK(p16.picture->channels == 3);
  CHECK(p16.picture->pixels.size() == 32 * 16 * 3);
  CHECK(p16.picture->alpha.empty());
  CHECK(rgb_at(*p16.picture, 4, 8) == 0xff0000);
  CHECK(rgb_at(*p16.picture, 28, 8) == 0x0000ff);

  auto inter = load("interlaced.png");
  REQUIRE(inter.picture);
  CHECK(rgb_at(*inter.picture, 0, 0) == 0x00ff00);
  CHECK(rgb_at(*inter.picture, 31, 15) == 0xff00ff);

  auto ga = load("grey-alpha.png");
  REQUIRE(ga.picture);
  CHECK(ga.picture->channels == 1);
  CHECK(rgb_at(*ga.picture, 2, 2) == 0x000000);
  CHECK(alpha_at(*ga.picture, 2, 2) == 255);
  CHECK(rgb_at(*ga.picture, 30, 2) == 0xffffff);
  CHECK(alpha_at(*ga.picture, 30, 2) == Approx(128).margin(1));

  auto pal = load("palette.png");
  REQUIRE(pal.picture);
  CHECK(pal.picture->channels == 3);
  CHECK(rgb_at(*pal.picture, 2, 2) == 0xffff00);
  CHECK(alpha_at(*pal.picture, 2, 2) == 255);
  CHECK(alpha_at(*pal.picture, 30, 2) == 0);
}

TEST_CASE("JPEG: kept as its bytes, with its EXIF orientation, CMYK and progressive scans",
          "[image]") {
  auto exif = load("exif6.jpg");
  REQUIRE(exif.picture);
  CHECK(exif.picture->format == image::Format::Jpeg);
  CHECK(exif.picture->orientation == 6);
  CHECK(exif.picture->width == 16);  // stored on its side ...
  CHECK(exif.picture->height == 32);
  CHECK(exif.picture->shown_width() == 32);  // ... shown upright
  CHECK(exif.picture->shown_height() == 16);
  CHECK(exif.picture->jpeg ==
        test::read_file(test::source_dir() + "/tests/image/pictures/exif6.jpg"));
  CHECK(exif.picture->pixels.empty());

  auto cmyk = load("cmyk.jpg");
  REQUIRE(cmyk.picture);
  CHECK(cmyk.picture->channels == 4);
  CHECK(cmyk.picture->inverted);  // ImageMagick writes an Adobe marker

  auto progressive = load("progressive.jpg");
  REQUIRE(progressive.picture);
  CHECK(progressive.picture->channels == 3);
  CHECK(progressive.picture->orientation == 1);
  CHECK_FALSE(progressive.picture->inverted);
}

TEST_CASE("GIF's first frame with its transparent colour, a lossless and an animated WebP",
          "[image]") {
  auto gif = load("palette.gif");
  REQUIRE(gif.picture);
  CHECK(gif.picture->format == image::Format::Gif);
  CHECK(rgb_at(*gif.picture, 2, 2) == 0x0000ff);
  CHECK(alpha_at(*gif.picture, 2, 2) == 255);
  CHECK(alpha_at(*gif.picture, 30, 2) == 0);

  auto webp = load("lossless.webp");
  REQUIRE(webp.picture);
  CHECK(webp.picture->format == image::Format::Webp);
  CHECK(webp.picture->alpha.empty());
  CHECK(rgb_at(*webp.picture, 2, 2) == 0x008000);
  CHECK(rgb_at(*webp.picture, 30, 2) == 0xff0000);

  auto animated = load("animated.webp");  // its first frame, not its lime second
  CHECK(animated.picture->orientation == 1);
  REQUIRE(animated.picture);
  CHECK(animated.picture->width == 32);
  CHECK(rgb_at(*animated.picture, 2, 2) == 0xff0000);
  CHECK(rgb_at(*animated.picture, 30, 2) == 0x0000ff);
}

TEST_CASE("EXIF orientation of a PNG (eXIf chunk) and a WebP (EXIF chunk)", "[image]") {
  for (const char* name : {"exif6.png", "exif6.webp"}) {
    CAPTURE(name);
    auto turned = load(name);
    REQUIRE(turned.picture);
    CHECK(turned.picture->orientation == 6);
    CHECK(turned.picture->width == 16);  // stored on its side ...
    CHECK(turned.picture->height == 32);
    CHECK(turned.picture->shown_width() == 32);  // ... shown upright
    CHECK(turned.picture->shown_height() == 16);
    // Stored turned a quarter to the left: the red half is at the bottom.
    CHECK(rgb_at(*turned.picture, 8, 30) == 0xff0000);
    CHECK(rgb_at(*turned.picture, 8, 2) == 0x0000ff);
  }
  auto plain = load("interlaced.png");
  REQUIRE(plain.picture);
  CHECK(plain.picture->orientation == 1);
}

TEST_CASE("broken pictures are refused with a reason", "[image]") {
  struct Case {
    const char* file;
    const char* reason;
  };
  for (Case c : {Case{"truncated.png", "broken PNG"}, Case{"truncated.jpg", "broken JPEG"},
                 Case{"truncated.gif", "broken GIF"}, Case{"truncated.webp", "broken WebP"},
                 Case{"empty.png", "is empty"}, Case{"bomb.png", "20000x20000 pixels"}}) {
    auto d = load(c.file);
    CAPTURE(c.file, d.problem);
    CHECK_FALSE(d.picture);
    CHECK(d.problem.find(c.reason) != std::string::npos);
  }
  // Cut inside its last scan's data, a JPEG is read to its end and found
  // truncated (a viewer would show it part grey).
  std::string jpeg = test::read_file(test::source_dir() + "/tests/image/pictures/progressive.jpg");
  size_t scan = jpeg.rfind("\xff\xda");
  REQUIRE(scan != std::string::npos);
  auto cut = image::decode(std::string_view(jpeg).substr(0, scan + 12));
  CHECK(cut.problem == "is a broken JPEG file (it ends early: truncated)");
  CHECK(image::decode("<svg/>").problem == "is not a PNG, JPEG, GIF or WebP file");
  // Every prefix of a good file: refused or decoded, never a crash.
  for (const char* name : {"diagram.png", "progressive.jpg", "palette.gif", "lossless.webp"}) {
    std::string bytes = test::read_file(test::source_dir() + "/tests/image/pictures/" + name);
    for (size_t n = 0; n < bytes.size(); n += 7) {
      auto d = image::decode(std::string_view(bytes).substr(0, n));
      CHECK((d.picture != nullptr) == d.problem.empty());
    }
  }
}

TEST_CASE("the cache decodes a file once and shares equal pictures", "[image]") {
  std::string dir = test::temp_dir() + "/cache";
  std::filesystem::create_directories(dir);
  std::string png = test::read_file(test::source_dir() + "/tests/image/pictures/png16.png");
  test::write_file(dir + "/a.png", png);
  test::write_file(dir + "/b.png", png);
  image::Cache cache;
  auto a = cache.file(dir + "/a.png");
  auto b = cache.file(dir + "/b.png");
  REQUIRE(a.picture);
  CHECK(a.picture == b.picture);  // same bytes under two names: one picture
  CHECK(cache.file(dir + "/a.png").picture == a.picture);
  CHECK_FALSE(cache.file(dir + "/missing.png").picture);
  CHECK_FALSE(cache.overflowed());

  image::Cache small({}, 100);  // a budget smaller than one picture
  auto refused = small.file(dir + "/a.png");
  CHECK_FALSE(refused.picture);
  CHECK(refused.problem.find("memory") != std::string::npos);
  CHECK(small.overflowed());  // the pipeline then lays out again in one thread
}

TEST_CASE("data: URIs give their bytes", "[image]") {
  std::string problem;
  auto bytes = image::data_uri_bytes("data:image/png;base64,iVBO Rw0K\nGgo=", problem);
  REQUIRE(bytes);
  CHECK(*bytes == "\x89PNG\r\n\x1a\n");
  CHECK_FALSE(image::data_uri_bytes("data:text/plain;base64,aGk=", problem));
  CHECK(problem.find("no picture") != std::string::npos);
  CHECK_FALSE(image::data_uri_bytes("data:image/png,rawbytes", problem));
  CHECK_FALSE(image::data_uri_bytes("data:image/png;base64,@@@", problem));
}

TEST_CASE("downsampling averages areas, alpha-weighted, and rescales JPEGs", "[image]") {
  auto png = load("png16.png").picture;
  REQUIRE(png);
  auto half = image::downsample(png, 8, 8);  // 32x16 into 8x8: 8x4, the aspect kept
  REQUIRE(half);
  CHECK(half->width == 8);
  CHECK(half->height == 4);
  CHECK(rgb_at(*half, 1, 1) == 0xff0000);
  CHECK(rgb_at(*half, 6, 2) == 0x0000ff);
  CHECK(half->hash != png->hash);
  CHECK(image::downsample(png, 32, 16) == png);  // small enough already

  // One pixel over the yellow | transparent edge: yellow at half alpha,
  // not darkened by the transparent pixels' colour.
  auto pal = load("palette.png").picture;
  auto one = image::downsample(pal, 1, 1);
  REQUIRE(one->alpha.size() == 1);
  CHECK(rgb_at(*one, 0, 0) == 0xffff00);
  CHECK(alpha_at(*one, 0, 0) == Approx(128).margin(1));

  auto jpeg = load("exif6.jpg").picture;
  auto small = image::downsample(jpeg, 4, 8);  // 16x32 stored: 1/4 scale
  REQUIRE(small);
  CHECK(small->format == image::Format::Jpeg);
  CHECK(small->width == 4);
  CHECK(small->height == 8);
  CHECK(small->orientation == 6);
  auto again = image::decode(small->jpeg);
  REQUIRE(again.picture);
  CHECK(again.picture->width == 4);
}
