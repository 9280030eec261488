// The content pack's catalog: producers and products with texts in several languages.
// An immutable value once loaded; no UI. Shared by the kiosk and the command-line tools.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "media/error.h"

namespace etalase::kiosk {

// Text by language code ("en", "id", "zh", "ms").
using LocalizedText = std::map<std::string, std::string>;

struct Contact {
  std::string whatsapp;
  std::string email;
  std::string website;
};

struct Producer {
  std::string id;
  LocalizedText name;
  LocalizedText region;
  LocalizedText story;
  std::filesystem::path logo;  // absolute, inside the pack; empty if none
  Contact contact;
};

struct Quantity {
  double quantity = 0.0;
  std::string unit;
};

struct PriceRange {
  double min = 0.0;
  double max = 0.0;
  std::string currency;
  std::string unit;
  std::string terms;
};

struct Certification {
  std::string name;
  std::string number;
};

struct Product {
  std::string id;
  std::string producerId;
  std::string category;
  LocalizedText name;
  LocalizedText description;
  LocalizedText materials;
  std::vector<Certification> certifications;
  std::optional<Quantity> capacityPerMonth;
  std::optional<Quantity> minimumOrder;
  std::optional<PriceRange> priceRange;
  std::optional<int> leadTimeDays;
  std::string hsCode;
  std::vector<std::string> markets;  // ISO 3166 alpha-2
  std::vector<std::filesystem::path> photos;
  std::vector<std::filesystem::path> videos;
};

// What a visitor agrees to by ticking the contact form's consent box (pack.json "consent").
struct ConsentText {
  std::string version;  // stored with each lead, so a later change of wording is traceable
  LocalizedText text;

  bool operator==(const ConsentText&) const = default;
};

struct Catalog {
  std::filesystem::path root;
  std::string id;
  LocalizedText title;
  std::string defaultLanguage = "en";
  std::vector<std::string> languages;
  std::vector<Producer> producers;
  std::vector<Product> products;
  std::vector<std::filesystem::path> attract;  // the attract loop, in order
  std::optional<ConsentText> consent;  // none: the kiosk's own wording (settings, else built in)

  const Producer* producer(const std::string& id) const;
  const Product* product(const std::string& id) const;
  // Every visible text in every language (for loading exactly the glyphs the pack needs).
  std::vector<std::string> allTexts() const;
};

inline constexpr int kSchemaVersion = 1;
inline constexpr const char* kManifestName = "pack.json";
// Texts for a few hundred products fit in well under a megabyte; anything near this limit is a
// mistake (a video renamed to pack.json, say) that would otherwise be read whole into memory.
inline constexpr std::uintmax_t kMaxManifestBytes = 4 * 1024 * 1024;

// A media file the manifest names, with the field naming it (for tools that check the files).
struct PackFile {
  enum class Kind { Video, Image };
  std::string field;           // e.g. "products[0].videos[1]"
  std::filesystem::path path;  // absolute, inside the pack
  Kind kind = Kind::Video;
  bool found = false;          // false: not in the pack (and a warning says so)
};

struct LoadedCatalog {
  Catalog catalog;
  // Problems that do not stop the pack from being shown (a missing photo, say).
  std::vector<Error> warnings;
  // Every file the manifest names, in manifest order, found or not.
  std::vector<PackFile> files;
};

// Reads PACK/pack.json. Fails with the file and field path when the manifest cannot be used:
// not JSON (line and column given), wrong types, or a file path leading out of the pack folder
// ("..", absolute, or through a symbolic link).
Result<LoadedCatalog> loadCatalog(const std::filesystem::path& packDirectory);


// The text in `language`, else in `fallback`, else in English, else any; empty if none.
const std::string& localized(const LocalizedText& text, const std::string& language,
                             const std::string& fallback);
// The language localized() picks (nullptr: none has text), e.g. to store which wording was shown.
const std::string* localizedLanguage(const LocalizedText& text, const std::string& language,
                                     const std::string& fallback);

}  // namespace etalase::kiosk
