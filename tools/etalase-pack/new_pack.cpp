// The starter pack: texts in English and Indonesian, a photo, a logo and a short video.
#include "new_pack.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <fstream>

#include "kiosk/catalog/catalog.h"
#include "placeholder_media.h"

namespace etalase::pack {

namespace fs = std::filesystem;

namespace {

// Keys in the order docs/pack-format.md describes them, so the file reads like the manual.
using Json = nlohmann::ordered_json;

Json starterManifest() {
  return Json::parse(R"({
  "schema_version": 1,
  "pack": {
    "id": "my-stand",
    "title": {"en": "Our products", "id": "Produk kami"},
    "default_language": "en",
    "languages": ["en", "id"]
  },
  "producers": [
    {
      "id": "example-producer",
      "name": {"en": "Example Weaving Cooperative", "id": "Koperasi Tenun Contoh"},
      "region": {"en": "Jepara, Central Java", "id": "Jepara, Jawa Tengah"},
      "story": {
        "en": "Twenty weavers from one village, working on wooden looms. Replace this text with your producer's story: who they are, where they work, what makes their products special.",
        "id": "Dua puluh penenun dari satu desa, bekerja dengan alat tenun kayu. Ganti teks ini dengan kisah produsen Anda: siapa mereka, di mana mereka bekerja, apa yang membuat produknya istimewa."
      },
      "logo": "images/example-producer-logo.png",
      "contact": {
        "whatsapp": "+62 800-0000-0000",
        "email": "export@example.com",
        "website": "https://example.com"
      }
    }
  ],
  "products": [
    {
      "id": "example-product",
      "producer": "example-producer",
      "category": "textiles",
      "name": {"en": "Hand-woven Ikat Cloth", "id": "Kain Tenun Ikat"},
      "description": {
        "en": "Cotton cloth, 2 x 1 m, woven by hand with natural dyes. Replace this text with what a buyer needs to know.",
        "id": "Kain katun 2 x 1 m, ditenun dengan tangan dan pewarna alami. Ganti teks ini dengan yang perlu diketahui pembeli."
      },
      "materials": {"en": "Cotton, natural dyes", "id": "Katun, pewarna alami"},
      "certifications": [{"name": "Example certificate", "number": "EXAMPLE-0001"}],
      "capacity_per_month": {"quantity": 200, "unit": "pieces"},
      "minimum_order": {"quantity": 10, "unit": "pieces"},
      "price_range": {"min": 25, "max": 60, "currency": "USD", "unit": "piece", "terms": "FOB Semarang"},
      "lead_time_days": 30,
      "hs_code": "5208.52",
      "markets": ["MY", "SG"],
      "photos": ["images/example-product.jpg"],
      "videos": ["videos/example-product.mp4"]
    }
  ],
  "attract": ["videos/example-product.mp4"]
})");
}

// Warm stripes like a woven cloth; bright enough that the poster frame is not skipped as dark.
Rgb cloth(int x, int y, double t) {
  const int stripe = (x + y / 3 + static_cast<int>(t * 40.0)) / 24 % 3;
  const Rgb colours[] = {{200, 80, 40}, {230, 180, 90}, {120, 50, 30}};
  return colours[stripe];
}

Rgb logo(int x, int y, double) {
  const double dx = x - 127.5, dy = y - 127.5;
  const double r = std::sqrt(dx * dx + dy * dy);
  if (r < 90) return {30, 90, 140};
  if (r < 110) return {240, 200, 80};
  return {255, 255, 255};
}

}  // namespace

Result<std::vector<fs::path>> writeStarterPack(const fs::path& folder) {
  std::error_code ec;
  if (fs::exists(folder, ec)) {
    if (!fs::is_directory(folder, ec)) return Error{folder.string(), "exists and is not a folder"};
    if (!fs::is_empty(folder, ec)) return Error{folder.string(), "is not empty: give a new or empty folder"};
  }
  for (const char* sub : {"images", "videos"}) {
    if (fs::create_directories(folder / sub, ec); ec) return Error{(folder / sub).string(), "cannot create: " + ec.message()};
  }
  const std::vector<fs::path> files = {"images/example-producer-logo.png", "images/example-product.jpg",
                                       "videos/example-product.mp4", kiosk::kManifestName};
  if (auto r = writePng(folder / files[0], 256, 256, logo); !r) return r.error();
  if (auto r = writeJpeg(folder / files[1], 800, 600, cloth); !r) return r.error();
  if (auto r = writeVideo(folder / files[2], 640, 360, 4.0, cloth); !r) return r.error();
  std::ofstream out(folder / files[3], std::ios::binary | std::ios::trunc);
  out << starterManifest().dump(2) << '\n';
  if (!out.flush()) return Error{(folder / files[3]).string(), "cannot write the file"};
  return files;
}

}  // namespace etalase::pack
