/**
 * Keeps the screen on where the Screen Wake Lock API is missing (plain http on a LAN address,
 * older iOS and Android browsers): a tiny muted, looping, inline video, which browsers treat
 * as media playback and so do not dim the screen for. The technique and the two clips come
 * from NoSleep.js (MIT, Rich Tibbett; see /keep-awake.LICENSE.txt). The clips are served by
 * Podium (`/keep-awake.webm`, `/keep-awake.mp4`), not inlined as data: URLs, so the page CSP
 * (`media-src 'self'`) holds; nothing is fetched from elsewhere. `play()` needs a user gesture.
 */
export class KeepAwakeVideo {
  private video: HTMLVideoElement | null = null;

  constructor(
    /** Called whenever the video starts or stops playing (the browser may pause it at any time). */
    private readonly onChange: (playing: boolean) => void = () => undefined,
  ) {}

  /** True while the video plays (the screen is being kept on). */
  get playing(): boolean {
    return this.video !== null && !this.video.paused && !this.video.ended;
  }

  /** Starts the video; resolves with whether it plays. Call from a user gesture. */
  async start(): Promise<boolean> {
    const video = (this.video ??= this.create());
    try {
      await video.play();
      return true;
    } catch {
      return false;
    }
  }

  /** Stops the video and forgets it. */
  stop(): void {
    this.video?.pause();
    this.video?.remove();
    this.video = null;
  }

  private create(): HTMLVideoElement {
    const video = document.createElement('video');
    video.muted = true;
    video.loop = true;
    video.playsInline = true;
    video.setAttribute('playsinline', '');
    video.setAttribute('muted', '');
    video.setAttribute('aria-hidden', 'true');
    video.title = 'Keeps the screen on';
    // Rendered but invisible: some browsers do not count media that is not in the page.
    // (CSSOM properties, not a style attribute, which the CSP would refuse.)
    Object.assign(video.style, { position: 'fixed', left: '0', top: '0', width: '1px', height: '1px' });
    Object.assign(video.style, { opacity: '0', pointerEvents: 'none' });
    for (const [type, url] of [
      ['video/webm', '/keep-awake.webm'],
      ['video/mp4', '/keep-awake.mp4'],
    ] as const) {
      const source = document.createElement('source');
      source.type = type;
      source.src = url;
      video.append(source);
    }
    for (const event of ['playing', 'pause', 'ended', 'emptied']) {
      video.addEventListener(event, () => this.onChange(this.playing));
    }
    document.body.append(video);
    return video;
  }
}
