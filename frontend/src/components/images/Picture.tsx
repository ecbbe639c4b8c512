import staticImages from 'virtual:spark-static-images';
import { type ImageSlot, responsiveImage } from './responsive-image.js';

interface PictureProps {
  src: string;
  alt: string;
  slot: ImageSlot;
  className?: string;
  /** The page's largest image above the fold (the LCP element): fetched first, never lazily. */
  priority?: boolean;
}

/** React 18 does not know `fetchPriority`; the lower-case attribute passes through as plain HTML. */
const HIGH_PRIORITY = { fetchpriority: 'high' } as Record<string, string>;
const DEFERRED = { loading: 'lazy', decoding: 'async' } as const;

export function Picture({ src, alt, slot, className, priority = false }: PictureProps) {
  const image = responsiveImage(src, slot, staticImages);
  return (
    <picture>
      {image.sources.map((source) => (
        <source key={source.type} type={source.type} srcSet={source.srcSet} sizes={image.sizes} />
      ))}
      <img
        src={image.src}
        srcSet={image.srcSet}
        sizes={image.sizes}
        width={image.width}
        height={image.height}
        alt={alt}
        className={className}
        {...(priority ? HIGH_PRIORITY : DEFERRED)}
      />
    </picture>
  );
}
