// 閲覧(全画面表示・テキスト・表・Markdown・分割)の日本語の文字列。
import type { enViewer } from "./en-viewer";

export const jaViewer: Record<keyof typeof enViewer, string> = {
  "preview.notRendered": "この種類のファイルはプレビューできません。ダウンロードするか、ブラウザで開いてください。",
  "preview.binary": "名前はテキストですが、中身がテキストではないため表示しません。",
  "preview.jsonFormatted": "JSON(整形済み)",
  "preview.firstPart": "先頭の {size} のみ表示",
  "preview.rowsFirst": "見出しの下の先頭 {rows} 行",
  "preview.rowsAll": "見出しの下に {rows} 行",
  "preview.mdImage": "画像",
  "preview.mdLinkCopied": "リンクのアドレスをコピーしました: {url}",
  "preview.rotate": "回転 (R)",
  "viewer.open": "全画面表示 (Space)",
  "viewer.close": "閉じる (Esc)",
  "viewer.previous": "前へ (←)",
  "viewer.next": "次へ (→)",
  "viewer.split": "プレビューの幅",
  "gallery.view": "表示",
  "gallery.list": "一覧",
  "gallery.gallery": "ギャラリー",
  "gallery.label": "ファイルのタイル表示",
  "settings.gallery.cacheMb": "このコンピュータに保存するサムネイル(MB。最も長く使われていないものから削除)",
};
