using System.Text;

namespace Greenlight.Agent.Hooks;

/// <summary>The last <see cref="Capacity"/> characters of a script's output (CodeDeploy's <c>logTail</c>, "up to the last 4 KB").</summary>
internal sealed class OutputTail
{
    public const int Capacity = 4096;

    private readonly StringBuilder _text = new();

    public void Append(string stream, string line)
    {
        _text.Append('[').Append(stream).Append("] ").Append(line).Append('\n');
        if (_text.Length > Capacity)
        {
            _text.Remove(0, _text.Length - Capacity);
        }
    }

    public override string ToString() => _text.ToString();
}
