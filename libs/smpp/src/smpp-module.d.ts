// node-smpp 0.5.1 ships no types; smpp-package.ts gives the part Loa uses its shape.
declare module 'smpp' {
  const smpp: unknown;
  export default smpp;
}
