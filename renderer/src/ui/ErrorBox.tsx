/** A refusal or failure inside a dialog: the message, and `file:line:col` lines when there are. */
export function ErrorBox({ message, details }: { message: string; details: string[] }) {
  return (
    <div className="dialog-error" role="alert" data-testid="dialog-error">
      {message}
      {details.length > 0 && (
        <ul>
          {details.map((d, i) => (
            <li key={i}>{d}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
