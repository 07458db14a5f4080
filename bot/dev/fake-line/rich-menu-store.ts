// Rich menus the fake has been given: menus with their images, the default, per-user links and aliases.

export interface StoredRichMenu {
  menu: unknown;
  image: { bytes: Uint8Array<ArrayBuffer>; contentType: string } | undefined;
}

export class RichMenuStore {
  readonly menus = new Map<string, StoredRichMenu>();
  /** alias ID → rich menu ID */
  readonly aliases = new Map<string, string>();
  /** user ID → rich menu ID */
  readonly userLinks = new Map<string, string>();
  defaultId: string | undefined;

  delete(richMenuId: string): void {
    this.menus.delete(richMenuId);
    if (this.defaultId === richMenuId) this.defaultId = undefined;
    for (const [userId, linked] of this.userLinks) if (linked === richMenuId) this.userLinks.delete(userId);
  }

  clear(): void {
    this.menus.clear();
    this.aliases.clear();
    this.userLinks.clear();
    this.defaultId = undefined;
  }
}
