// The kiosk application: owns the window, the playlist, the catalog and the screens, and runs
// the event loop. The loop sleeps until the next video frame is due or an input arrives.
// UI thread only.
#pragma once

#include <chrono>
#include <deque>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/catalog.h"
#include "kiosk/navigation.h"
#include "kiosk/options.h"
#include "kiosk/playback_stats.h"
#include "kiosk/screens/grid_screen.h"
#include "kiosk/screens/install_prompt.h"
#include "kiosk/screens/producer_screen.h"
#include "kiosk/screens/product_screen.h"
#include "kiosk/usb_install_flow.h"
#include "media/playlist.h"
#include "platform/display.h"
#include "platform/sdl_audio_sink.h"
#include "platform/ui_context.h"
#include "platform/video_texture.h"

namespace etalase::kiosk {

class App {
 public:
  // SDL must be initialised (platform::SdlSession) for as long as the App lives.
  static Result<std::unique_ptr<App>> create(const KioskOptions& options);

  class Key {
    friend class App;
    Key() = default;
  };
  App(Key, const KioskOptions& options, platform::Display display);
  ~App();

  // Runs until the window is closed or --loops is reached. Returns the process exit code.
  int run();
  // One pass of the loop, waiting at most `maxWait` for something to do. For tests.
  void step(std::chrono::milliseconds maxWait);

  ScreenId screen() const { return m_navigation.screen(); }
  bool quitRequested() const { return m_quit; }
  const platform::Display& display() const { return m_display; }
  const std::string& language() const { return m_language; }
  // How many video frames have been put on screen so far (attract loop; product pages).
  long framesShown() const { return m_framesShown; }
  long productFramesShown() const { return m_productFramesShown; }
  media::Playlist* playlist() { return m_playlist.get(); }
  UsbInstallFlow::Stage installStage() const { return m_usbFlow->stage(); }
  // The content pack on screen (empty with --play).
  const std::filesystem::path& packShown() const { return m_packShown; }
  // Playback figures as one JSON line (etalase --stats).
  std::string statsJson() const;

 private:
  struct Notice {
    std::string text;
    std::chrono::steady_clock::time_point until;
  };

  void loadContent();
  void reloadContent(const std::filesystem::path& pack);
  void pollUsb(std::chrono::steady_clock::time_point now);
  void applyInstallAction(const InstallPromptAction& action, std::chrono::steady_clock::time_point now);
  void openProduct(std::size_t index, std::chrono::steady_clock::time_point now);
  void openProducer(const std::string& producerId, std::chrono::steady_clock::time_point now);
  void closeProductMedia();
  void prepareContact(const Producer& producer);
  void handleHeader(const HeaderAction& action, std::chrono::steady_clock::time_point now);
  // Runs `action` once the current frame is presented (it may free what the frame draws).
  void afterFrame(std::function<void()> action);
  void loadPosters();
  // A playlist set up from the options (sound, volume, decoding) and heard from now on.
  std::unique_ptr<media::Playlist> startPlaylist(std::vector<std::string> videos);
  // The picture as a texture; null (and a line in the log) when it could not be loaded.
  platform::TexturePtr textureFrom(const Result<av::FramePtr>& picture) const;
  void handleEvent(const SDL_Event& event, std::chrono::steady_clock::time_point now);
  void enterScreen(ScreenId screen, std::chrono::steady_clock::time_point now);
  void collectPlaylistErrors(std::chrono::steady_clock::time_point now);
  void addNotice(const std::string& text, std::chrono::steady_clock::time_point now);
  void render();
  void drawNotices();
  void startDissolve(std::chrono::steady_clock::time_point now);
  bool showAttractFrame(const media::Playlist::Tick& tick);
  void prepareUpcomingFrame();
  float dissolveOpacity(std::chrono::steady_clock::time_point now) const;
  std::chrono::steady_clock::time_point nextWake(std::chrono::steady_clock::time_point now) const;

  KioskOptions m_options;
  platform::Display m_display;
  std::unique_ptr<platform::UiContext> m_ui;
  platform::VideoTexture m_video;
  // With --crossfade: the last frame of the clip before a cut, dissolving into m_video.
  platform::VideoTexture m_outgoing;
  // The attract loop's next frame, converted while it waits (after the present, before the
  // sleep), so showing it when due is a swap: the conversion's few ms, which for a new clip's
  // first frame (cold in memory) were up to 8 ms, no longer delay the picture.
  platform::VideoTexture m_upcoming;
  struct PreparedFrame {
    const AVFrame* frame = nullptr;
    int64_t pts = 0;  // with the clip number, tells a frame from a later one at a freed one's address
    int clipNumber = 0;
    SDL_Point size{0, 0};  // of the output it was placed for
    bool matches(const AVFrame* other, int otherClip, SDL_Point outputSize) const {
      return frame && other == frame && otherClip == clipNumber && other->best_effort_timestamp == pts &&
             outputSize.x == size.x && outputSize.y == size.y;
    }
  } m_prepared;
  std::chrono::steady_clock::time_point m_dissolveEnd{};
  int m_shownClipNumber = 0;
  std::unique_ptr<platform::SdlAudioSink> m_audio;
  std::optional<Catalog> m_catalog;
  std::string m_contentProblem;  // why there is no catalog, shown on the title card
  std::vector<platform::TexturePtr> m_posterTextures;
  std::vector<SDL_Texture*> m_posters;
  std::unique_ptr<media::Playlist> m_playlist;
  int m_failedFiles = 0;
  PlaybackStats m_stats;
  bool m_videoFramePending = false;  // uploaded, shown at the next present
  int m_pendingClipNumber = 0;

  Navigation m_navigation;
  GridState m_grid;
  ProductState m_productState;
  ProductMedia m_productMedia;
  std::vector<platform::TexturePtr> m_productPhotoTextures;
  std::unique_ptr<media::Playlist> m_productPlaylist;  // the product's videos, while its page is open
  platform::VideoTexture m_productVideo;
  SDL_Rect m_productVideoArea{0, 0, 0, 0};
  std::chrono::steady_clock::time_point m_productVideoDue{};
  long m_productFramesShown = 0;
  std::string m_producerId;
  ScreenId m_producerBackTo = ScreenId::Grid;
  ProducerMedia m_producerMedia;
  platform::TexturePtr m_logoTexture;
  std::optional<QrCode> m_contactQr;

  std::filesystem::path m_packShown;
  std::optional<std::filesystem::path> m_reloadPending;
  std::function<void()> m_afterFrame;
  bool m_productPlaylistPaused = false;
  platform::RemovableMediaWatcher m_volumes;
  // The first look for sticks waits until the first picture is up: it reads the mount table and
  // every removable volume, 15 ms or more, which the launch should not wait for.
  std::chrono::steady_clock::time_point m_nextVolumePoll = std::chrono::steady_clock::now() + std::chrono::seconds(1);
  std::unique_ptr<PackInstaller> m_installer;
  std::unique_ptr<UsbInstallFlow> m_usbFlow;
  std::string m_language;
  std::deque<Notice> m_notices;

  bool m_quit = false;
  bool m_needsRender = true;
  std::chrono::steady_clock::time_point m_nextVideoDue{};
  long m_framesShown = 0;
};

}  // namespace etalase::kiosk
